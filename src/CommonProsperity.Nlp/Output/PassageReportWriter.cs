using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The reports of <c>classify</c>, their columns declared once: <c>passages.csv</c> (one row per passage,
/// streamed) and <c>theme_frequency_classifier.csv</c> (per document and theme, the share of passages with
/// the theme), staged in an <see cref="OutputDirectory"/>. A document's rows are formatted straight to
/// UTF-8 (<see cref="Format"/>, thread-safe, so on the threads that classified it), byte for byte what
/// CsvHelper writes, and appended in document order (<see cref="Add(Rows)"/>).
/// </summary>
internal sealed class PassageReportWriter : IDisposable
{
    private readonly IReadOnlyList<string> _themes;
    private readonly string _passagesPath;
    private readonly string _frequencyPath;
    private readonly FileStream _passages;
    private readonly FileStream _frequency;

    /// <summary>Stages both reports in <paramref name="output"/> for a model with <paramref name="themes"/>.</summary>
    /// <exception cref="Errors.OutputException">A report cannot be created.</exception>
    public PassageReportWriter(OutputDirectory output, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(output);
        _themes = themes ?? throw new ArgumentNullException(nameof(themes));
        _passagesPath = output.Stage(Passages.File);
        _frequencyPath = output.Stage(Frequency.File);
        _passages = Create(_passagesPath, Passages.Header(themes));
        try
        {
            _frequency = Create(_frequencyPath, Frequency.Header(themes));
        }
        catch
        {
            _passages.Dispose();
            throw;
        }
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
            new("passages_with_theme", ColumnFormat.Integer, "passages predicted to have the theme", r => r.Tally.With[r.ThemeIndex]),
            new("passages", ColumnFormat.Integer, "passages in the document", r => r.Tally.Count),
            new("share", ColumnFormat.Rate, "`passages_with_theme / passages`", r => r.Tally.Count == 0 ? 0 : (double)r.Tally.With[r.ThemeIndex] / r.Tally.Count),
            new("mean_probability", ColumnFormat.Rate, "the theme's mean probability over the passages", r => r.Tally.Count == 0 ? 0 : r.Tally.ProbabilitySums[r.ThemeIndex] / r.Tally.Count),
            new("title", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Title),
            new("date", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Date),
            new("publisher", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Publisher),
            new("language", ColumnFormat.Text, "from the metadata", r => r.Document.Metadata.Language),
        ]);

    /// <summary>Writes the rows of one document.</summary>
    public void Add(Document document, IReadOnlyList<ClassifiedPassage> passages) => Add(Format(document, passages, _themes));

    /// <summary>Appends one document's rows, formatted by <see cref="Format"/>, and gives their buffers back.</summary>
    /// <exception cref="Errors.OutputException">A report cannot be written.</exception>
    public void Add(Rows rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        try
        {
            _passages.Write(rows.Passages.Written);
            _frequency.Write(rows.Frequency.Written);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputException.Writing(_passagesPath, e);
        }
        finally
        {
            rows.Passages.Release();
            rows.Frequency.Release();
        }
    }

    /// <summary>The bytes of <c>passages.csv</c> written so far: where the next document's rows start (<see cref="TakeBack"/>).</summary>
    public long PassagesWritten => _passages.Position;

    /// <summary>
    /// Takes back the <c>passages.csv</c> rows written from <paramref name="start"/> (<see cref="PassagesWritten"/> before
    /// a document classified in windows) on, when that document is skipped part-way: the report ends where it did then.
    /// </summary>
    /// <exception cref="Errors.OutputException">The report cannot be cut back.</exception>
    public void TakeBack(long start)
    {
        try
        {
            _passages.Flush();
            _passages.SetLength(start);
            _passages.Position = start;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputException.Writing(_passagesPath, e);
        }
    }

    /// <summary>
    /// Formats the rows of one document in both reports (from their column declarations, as
    /// <see cref="CsvRowBuffer.WriteRecord"/>): safe to call on several threads at once.
    /// </summary>
    public static Rows Format(Document document, IReadOnlyList<ClassifiedPassage> passages, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(themes);
        var tally = new PassageTally(themes);
        tally.Add(passages);
        return new Rows(FormatPassages(passages, themes), FormatFrequency(document, tally, themes));
    }

    /// <summary>The <c>passages.csv</c> rows of <paramref name="passages"/> (a document's, or one window's of a document classified in windows).</summary>
    public static CsvRowBuffer FormatPassages(IReadOnlyList<ClassifiedPassage> passages, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(themes);
        var passageRows = new CsvRowBuffer(passages.Sum(p => p.Text.Length * 3) + (passages.Count * (64 + (themes.Count * 8))));
        foreach (var passage in passages)
        {
            passageRows.WriteRecord(Passages.Row(new PassageLine(passage, themes), themes.Count));
        }

        return passageRows;
    }

    /// <summary>The <c>theme_frequency_classifier.csv</c> rows of <paramref name="document"/>, whose passages <paramref name="tally"/> has taken.</summary>
    public static CsvRowBuffer FormatFrequency(Document document, PassageTally tally, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(themes);
        var frequencyRows = new CsvRowBuffer(themes.Count * 128);
        for (var t = 0; t < themes.Count; t++)
        {
            frequencyRows.WriteRecord(Frequency.Row(new FrequencyRow(document, themes[t], t, tally), themes.Count));
        }

        return frequencyRows;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _passages.Dispose();
        _frequency.Dispose();
    }

    /// <summary>Creates a report with its byte order mark and header record, as <see cref="CsvReport"/> writes them.</summary>
    private static FileStream Create(string path, object?[] header)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            var record = new CsvRowBuffer();
            record.WriteRecord(header);
            stream.Write([0xEF, 0xBB, 0xBF]);
            stream.Write(record.Written);
            record.Release();
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Errors.OutputException.Writing(path, e);
        }
    }

    /// <summary>One document's rows of both reports, formatted as UTF-8 CSV in pooled buffers (<see cref="Add(Rows)"/> gives them back).</summary>
    /// <param name="Passages">Its rows of <c>passages.csv</c>.</param>
    /// <param name="Frequency">Its rows of <c>theme_frequency_classifier.csv</c>.</param>
    internal sealed record Rows(CsvRowBuffer Passages, CsvRowBuffer Frequency);

    /// <summary>A row of <c>passages.csv</c>.</summary>
    /// <param name="Passage">The passage.</param>
    /// <param name="Themes">The model's themes, in order.</param>
    internal readonly record struct PassageLine(ClassifiedPassage Passage, IReadOnlyList<string> Themes);

    /// <summary>A row of <c>theme_frequency_classifier.csv</c>.</summary>
    /// <param name="Document">The document.</param>
    /// <param name="Theme">The theme id.</param>
    /// <param name="ThemeIndex">The theme's index among the model's themes.</param>
    /// <param name="Tally">The document's passages, counted.</param>
    internal readonly record struct FrequencyRow(Document Document, string Theme, int ThemeIndex, PassageTally Tally);

    /// <summary>
    /// A document's passages counted per theme as they come, in order (a document classified in windows
    /// comes a window at a time): how many, how many have each theme, and each theme's probabilities
    /// summed in passage order, as <see cref="Enumerable.Average{TSource}(IEnumerable{TSource}, Func{TSource, double})"/> sums them.
    /// </summary>
    internal sealed class PassageTally(IReadOnlyList<string> themes)
    {
        /// <summary>The passages taken.</summary>
        public int Count { get; private set; }

        /// <summary>Per theme, the passages predicted to have it.</summary>
        public int[] With { get; } = new int[themes.Count];

        /// <summary>Per theme, the sum of its probabilities.</summary>
        public double[] ProbabilitySums { get; } = new double[themes.Count];

        /// <summary>Counts <paramref name="passages"/>, which follow those taken before.</summary>
        public void Add(IReadOnlyList<ClassifiedPassage> passages)
        {
            ArgumentNullException.ThrowIfNull(passages);
            foreach (var passage in passages)
            {
                for (var t = 0; t < With.Length; t++)
                {
                    With[t] += passage.Themes.Contains(themes[t]) ? 1 : 0;
                    ProbabilitySums[t] += passage.Probabilities[t];
                }
            }

            Count += passages.Count;
        }
    }
}
