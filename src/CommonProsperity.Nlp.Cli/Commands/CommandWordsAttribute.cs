namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>
/// Declares a command class as a verb of <c>cpnlp</c>: <see cref="CpnlpApp"/> registers every class that has it, so a
/// new command is its class (with this attribute and its <see cref="CommandExampleAttribute"/>s), the job it runs and a test.
/// </summary>
/// <param name="words">The command's words: a branch's command after the branch's name (<c>lexicon check</c>).</param>
/// <param name="order">Where <c>cpnlp --help</c> lists it (a branch stands where its first command would).</param>
/// <param name="description">What it does, for <c>--help</c>.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class CommandWordsAttribute(string words, int order, string description) : Attribute
{
    /// <summary>The command's words.</summary>
    public string Words { get; } = words;

    /// <summary>Where <c>cpnlp --help</c> lists it.</summary>
    public int Order { get; } = order;

    /// <summary>What it does.</summary>
    public string Description { get; } = description;
}
