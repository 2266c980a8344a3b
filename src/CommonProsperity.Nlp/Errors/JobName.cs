namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// A job a message sends the reader to ("train a model with ..."), as messages name it. The library names
/// the job by its API (<c>TrainJob</c>); a front end renders the same messages with a format provider that
/// names the job its own way (the command line: its command, <c>'cpnlp train'</c>), as it does for
/// <see cref="OptionName"/> (see <see cref="Wording"/>), so that the library never needs to know a command.
/// </summary>
public sealed class JobName : IFormattable
{
    private JobName(string api) => Api = api;

    /// <summary>How a library caller runs the job, as the library's messages name it.</summary>
    public string Api { get; }

    /// <summary>Training the theme classifiers (<c>Jobs.TrainJob</c>).</summary>
    public static JobName Train { get; } = new("TrainJob");

    /// <summary>Getting the text of the built-in lexicon, to edit it (<c>Counting.DefaultLexicon.ReadText</c>).</summary>
    public static JobName LexiconExport { get; } = new("DefaultLexicon.ReadText()");

    /// <summary>The API's name; the same as <see cref="ToString(string?, IFormatProvider?)"/> without names.</summary>
    public override string ToString() => Api;

    /// <summary>
    /// How <paramref name="provider"/> names this job, when it gives names (its <c>GetFormat(typeof(JobName))</c>
    /// is a dictionary from jobs to names that holds this one); else the API's name.
    /// </summary>
    public string ToString(string? format, IFormatProvider? provider) =>
        FrontEndNames.Of(this, Api, provider);
}
