using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The reports of <c>classify</c>, their columns declared once: <c>passages.csv</c> (one row per passage,
/// streamed) and <c>theme_frequency_classifier.csv</c> (per document and theme, the share of passages with
/// the theme), staged in an <see cref="OutputDirectory"/>.
/// </summary>
internal sealed class PassageReportWriter : IDisposable
{
    private readonly IReadOnlyList<string> _themes;
    private readonly CsvHelper.CsvWriter _passages;
    private readonly CsvHelper.CsvWriter _frequency;

    /// <summary>Stages both reports in <paramref name="output"/> for a model with <paramref name="themes"/>.</summary>
    public PassageReportWriter(OutputDirectory output, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(output);
        _themes = themes ?? throw new ArgumentNullException(nameof(themes));
        var frequency = output.Stage(Frequency.File);
        _passages = CsvReport.Create(output.Stage(Passages.File));
        _frequency = CsvReport.Create(frequency);
        _passages.WriteRow(Passages.Header(themes));
        _frequency.WriteRow(Frequency.Header(themes));
    }

    /// <summary><c>passages.csv</c>.</summary>
    public static ReportLayout<PassageLine> Passages { get; } = new(
        ReportFiles.Passages,
        "one row per passage (sentence, paragraph or document), in document order.",
        [
            new("document", ColumnFormat.Text, "the document id", r => r.Passage.Document),
            new("passage", ColumnFormat.Integer, "the passage's 0-based index in the document", r => r.Passage.Index),
            new("start", ColumnFormat.Integer, "character offset of the passage in the document's text", r => r.Passage.Start),
            new("end", ColumnFormat.Integer, "where the passage ends (exclusive)", r => r.Passage.End),
            new("text", ColumnFormat.Text, "the passage", r => r.Passage.Text),
            new("themes", ColumnFormat.Text, "the predicted themes (probability at or above the theme's threshold), in the model's order, separated by `;`", r => string.Join(';', r.Themes.Where(r.Passage.Themes.Contains))),
            new("_p", ColumnFormat.Rate, "per theme (`inequality_p`, ...): the model's probability", (r, t) => (double)r.Passage.Probabilities[t], PerTheme: true),
        ]);

    /// <summary><c>theme_frequency_classifier.csv</c>.</summary>
    public static ReportLayout<FrequencyRow> Frequency { get; } = new(
        ReportFiles.ThemeFrequencyClassifier,
        "one row per document × theme (the model's themes, in order).",
        [
            new("document", ColumnFormat.Text, "the document id", r => r.Document.Id),
            new("theme", ColumnFormat.Text, "the theme id", r => r.Theme),
            new("passages_with_theme", ColumnFormat.Integer, "passages predicted to have the theme", r => r.With),
            new("passages", ColumnFormat.Integer, "passages in the document", r => r.Passages.Count),
            new("share", ColumnFormat.Rate, "`passages_with_theme / passages`", r => r.Passages.Count == 0 ? 0 : (double)r.With / r.Passages.Count),
            new("mean_probability", ColumnFormat.Rate, "the theme's mean probability over the passages", r => r.Passages.Count == 0 ? 0 : r.Passages.Average(p => (double)p.Probabilities[r.ThemeIndex])),
            new("title", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Title),
            new("date", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Date),
            new("publisher", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Publisher),
            new("language", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Language),
        ]);

    /// <summary>Writes the rows of one document.</summary>
    public void Add(Document document, IReadOnlyList<ClassifiedPassage> passages)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        foreach (var passage in passages)
        {
            _passages.WriteRow(Passages.Row(new PassageLine(passage, _themes), _themes.Count));
        }

        for (var t = 0; t < _themes.Count; t++)
        {
            var with = passages.Count(p => p.Themes.Contains(_themes[t]));
            _frequency.WriteRow(Frequency.Row(new FrequencyRow(document, _themes[t], t, with, passages), _themes.Count));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _passages.Dispose();
        _frequency.Dispose();
    }

    /// <summary>A row of <c>passages.csv</c>.</summary>
    /// <param name="Passage">The passage.</param>
    /// <param name="Themes">The model's themes, in order.</param>
    internal readonly record struct PassageLine(ClassifiedPassage Passage, IReadOnlyList<string> Themes);

    /// <summary>A row of <c>theme_frequency_classifier.csv</c>.</summary>
    /// <param name="Document">The document.</param>
    /// <param name="Theme">The theme id.</param>
    /// <param name="ThemeIndex">The theme's index among the model's themes.</param>
    /// <param name="With">Passages predicted to have the theme.</param>
    /// <param name="Passages">The document's passages.</param>
    internal readonly record struct FrequencyRow(Document Document, string Theme, int ThemeIndex, int With, IReadOnlyList<ClassifiedPassage> Passages);
}
