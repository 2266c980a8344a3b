using System.Globalization;
using System.Text.Json;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Lexicons;
using CommonProsperity.Nlp.Pipeline;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>
/// Reads back what <see cref="PartialResultWriter"/> wrote in a shard's folder: the header at once,
/// the documents one at a time (with their evidence rows), so that a merge holds only one document
/// per shard in memory.
/// </summary>
public sealed class PartialResultReader : IDisposable
{
    private readonly StreamReader _documents;
    private readonly FileStream _evidence;
    private int _line;

    private PartialResultReader(string folder, ShardHeader header, StreamReader documents, FileStream evidence)
    {
        Folder = folder;
        Header = header;
        _documents = documents;
        _evidence = evidence;
    }

    /// <summary>The shard's folder.</summary>
    public string Folder { get; }

    /// <summary>What the shard recorded besides its documents.</summary>
    public ShardHeader Header { get; }

    /// <summary>Opens the partial results in <paramref name="folder"/>.</summary>
    /// <exception cref="InputException">The folder holds no partial results, or they are damaged.</exception>
    public static PartialResultReader Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var headerPath = Path.Combine(folder, ReportFiles.PartialHeader);
        if (!File.Exists(headerPath))
        {
            throw new InputException($"there is no {ReportFiles.PartialHeader}, so this is not the output of 'cpnlp analyze --shard I/N'.", folder,
                fix: "Give merge the --out folders of the shard runs, each after its shard finished.");
        }

        ShardHeader header;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(headerPath));
            header = ReadHeader(json.RootElement, headerPath);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw Damaged(headerPath, e);
        }

        try
        {
            var documents = new StreamReader(Path.Combine(folder, ReportFiles.PartialDocuments), System.Text.Encoding.UTF8);
            var evidence = new FileStream(Path.Combine(folder, ReportFiles.PartialEvidence), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            var preamble = new byte[EvidenceFile.Preamble.Length];
            evidence.ReadExactly(preamble);
            if (!preamble.AsSpan().SequenceEqual(EvidenceFile.Preamble))
            {
                throw new InputException($"{ReportFiles.PartialEvidence} does not start with the evidence header.", folder, fix: "Run the shard again.");
            }

            return new PartialResultReader(folder, header, documents, evidence);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the partial results ({e.Message}).", folder, fix: "Check that the shard finished and that its folder is complete and readable.", inner: e);
        }
    }

    /// <summary>The next document with the index of its input file, or null at the end.</summary>
    /// <exception cref="InputException">The documents or the evidence are damaged.</exception>
    public (int File, DocumentReport Report)? Next()
    {
        var path = Path.Combine(Folder, ReportFiles.PartialDocuments);
        try
        {
            var line = _documents.ReadLine();
            if (line is null)
            {
                return null;
            }

            _line++;
            using var json = JsonDocument.Parse(line);
            var d = json.RootElement;
            var summary = DocumentLine.ReadSummary(d);
            TermHits[] terms = [.. d.GetProperty("terms").EnumerateArray().Select(t => new TermHits(t[0].GetInt32(), t[1].GetInt32()))];
            var evidence = CsvRowBuffer.ReadFrom(_evidence, d.GetProperty("evidence_bytes").GetInt32(), d.GetProperty("evidence_rows").GetInt32());
            return (d.GetProperty("file").GetInt32(), new DocumentReport(summary, d.GetProperty("characters").GetInt64(), terms, evidence));
        }
        catch (EndOfStreamException e)
        {
            throw new InputException($"{ReportFiles.PartialEvidence} ends before the evidence of document {_line} of {ReportFiles.PartialDocuments}.", Folder,
                fix: "The shard's output is incomplete; run the shard again.", inner: e);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new InputException($"line {_line} is not a document record ({e.Message}).", path, fix: "The shard's output is damaged; run the shard again.", inner: e);
        }
    }

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        _documents.Dispose();
        _evidence.Dispose();
    }

    private static ShardHeader ReadHeader(JsonElement h, string path)
    {
        var format = h.GetProperty("format").GetString();
        if (!string.Equals(format, ShardHeader.Format, StringComparison.Ordinal))
        {
            throw new InputException($"the partial results are in format '{format}', not {ShardHeader.Format}.", path,
                fix: "Run every shard and the merge with the same version of cpnlp.");
        }

        var shard = h.GetProperty("shard");
        var lexicon = h.GetProperty("lexicon");
        var files = h.GetProperty("files");
        return new ShardHeader(
            h.GetProperty("version").GetString()!,
            new ShardSpec(shard.GetProperty("index").GetInt32(), shard.GetProperty("count").GetInt32()),
            DateTimeOffset.Parse(h.GetProperty("started_utc").GetString()!, CultureInfo.InvariantCulture),
            [.. h.GetProperty("options").EnumerateObject().Select(o => new KeyValuePair<string, string?>(o.Name, o.Value.GetString()))],
            new Lexicon(
                [.. lexicon.GetProperty("themes").EnumerateArray().Select(t => t.GetString()!)],
                [.. lexicon.GetProperty("terms").EnumerateArray().Select(t => new LexiconTerm(
                    t.GetProperty("theme").GetString()!, t.GetProperty("term").GetString()!, t.GetProperty("lang").GetString(),
                    t.GetProperty("note").GetString(), t.GetProperty("line").GetInt32()))],
                lexicon.GetProperty("source").GetString()!,
                lexicon.GetProperty("sha256").GetString()!,
                [.. lexicon.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!)]),
            files.GetProperty("count").GetInt32(),
            files.GetProperty("sha256").GetString()!,
            [.. h.GetProperty("listing_skipped").EnumerateArray().Select(ReadSkip)],
            [.. h.GetProperty("skipped").EnumerateArray().Select(s => new FileTagged<Problem>(s.GetProperty("file").GetInt32(), ReadSkip(s)))],
            [.. h.GetProperty("inputs").EnumerateArray().Select(i => new FileTagged<InputFileRecord>(i.GetProperty("file").GetInt32(), new InputFileRecord(
                i.GetProperty("path").GetString()!, i.GetProperty("bytes").GetInt64(), i.GetProperty("sha256").GetString()!,
                i.GetProperty("format").GetString()!, i.GetProperty("encoding").GetString()!, i.GetProperty("documents").GetInt32())))],
            [.. h.GetProperty("warnings").EnumerateArray().Select(w => new FileTagged<string>(w.GetProperty("file").GetInt32(), w.GetProperty("message").GetString()!))],
            h.GetProperty("documents").GetInt32(),
            h.GetProperty("tokens").GetInt64(),
            h.GetProperty("characters").GetInt64(),
            [.. h.GetProperty("timings_ms").EnumerateObject().Select(t => new KeyValuePair<string, long>(t.Name, t.Value.GetInt64()))]);
    }

    private static Problem ReadSkip(JsonElement s) => Problem.Skipped(s.GetProperty("path").GetString()!, s.GetProperty("reason").GetString()!);

    private static InputException Damaged(string path, Exception e) =>
        new($"cannot read the partial results ({e.Message}).", path, fix: "The shard's output is damaged or from another tool; run the shard again.", inner: e);
}
