namespace CommonProsperity.Nlp.Output;

/// <summary>
/// <c>evidence.csv</c> as a byte stream: a UTF-8 byte order mark and the header, then the rows of each
/// document as <see cref="DocumentReportBuilder"/> formatted them, appended in input order. Shared by
/// the reports of a run and the partial results of a shard, whose evidence is the same file cut in parts.
/// </summary>
internal static class EvidenceFile
{
    /// <summary>The columns for <paramref name="lexicon"/>, in order (docs/reports.md): <c>theme_label</c> only when its themes have labels, the context only with the full <paramref name="evidence"/>.</summary>
    public static IReadOnlyList<string> ColumnsFor(Counting.Lexicon lexicon, EvidenceMode evidence) => [.. AnalysisReports.Evidence.For(lexicon, evidence).Columns.Select(c => c.Name)];

    /// <summary>The bytes before the first row for <paramref name="lexicon"/> and <paramref name="evidence"/>: the byte order mark and the header record.</summary>
    public static byte[] PreambleFor(Counting.Lexicon lexicon, EvidenceMode evidence) => BuildPreamble(ColumnsFor(lexicon, evidence));

    /// <summary>Creates the file at <paramref name="path"/> and writes the preamble for <paramref name="lexicon"/> and <paramref name="evidence"/>.</summary>
    /// <exception cref="Errors.OutputException">The file cannot be created.</exception>
    public static FileStream Create(string path, Counting.Lexicon lexicon, EvidenceMode evidence)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 20);
            stream.Write(PreambleFor(lexicon, evidence));
            return stream;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unwritable(path, e);
        }
    }

    /// <summary>The error for a report file that cannot be written.</summary>
    public static Errors.OutputException Unwritable(string path, Exception e) =>
        Errors.OutputException.Writing(path, e);

    private static byte[] BuildPreamble(IReadOnlyList<string> columns)
    {
        var header = new CsvRowBuffer();
        foreach (var column in columns)
        {
            header.WriteField(column);
        }

        header.EndRecord();
        byte[] preamble = [0xEF, 0xBB, 0xBF, .. header.Written];
        header.Release();
        return preamble;
    }
}
