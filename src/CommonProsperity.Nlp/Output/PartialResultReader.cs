using System.Globalization;
using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Reads back what <see cref="PartialResultWriter"/> wrote in a shard's folder: the header at once,
/// the documents one at a time (with their evidence rows), so that a merge holds only one document
/// per shard in memory.
/// </summary>
internal sealed class PartialResultReader : IDisposable
{
    private readonly StreamReader _documents;
    private readonly FileStream _evidence;
    private readonly Dictionary<int, InputFileRecord> _inputs;
    private readonly int[] _themeOfTerm;
    private int _line;
    private int _lastFile = -1;
    private long _tokens;
    private long _characters;

    private PartialResultReader(string folder, ShardHeader header, StreamReader documents, FileStream evidence)
    {
        Folder = folder;
        Header = header;
        _documents = documents;
        _evidence = evidence;
        _inputs = header.Inputs.ToDictionary(i => i.File, i => i.Value);
        var themes = header.Lexicon.Themes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _themeOfTerm = [.. header.Lexicon.Terms.Select(t => themes.TryGetValue(t.Theme, out var i) ? i : -1)];
    }

    /// <summary>The shard's folder.</summary>
    public string Folder { get; }

    /// <summary>What the shard recorded besides its documents.</summary>
    public ShardHeader Header { get; }

    /// <summary>
    /// Opens the partial results in <paramref name="folder"/> after checking them against their
    /// checksums (<see cref="PartialChecksums"/>) and every number of the header for sense.
    /// </summary>
    /// <exception cref="InputException">The folder holds no partial results, or they are damaged.</exception>
    public static PartialResultReader Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var headerPath = Path.Combine(folder, ReportFiles.PartialHeader);
        if (!File.Exists(headerPath))
        {
            throw new InputException($"there is no {ReportFiles.PartialHeader}, so this is not the output of a shard of a split run ({OptionName.Shard} I/N).", folder, null,
                Wording.Of($"Give merge the output folders of the shard runs, each after its shard finished."));
        }

        ShardHeader header;
        try
        {
            PartialChecksums.Verify(folder);
            header = ReadHeader(File.ReadAllBytes(headerPath), headerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the partial results ({e.Message}).", folder, fix: "Check that the shard finished and that its folder is complete and readable.", inner: e);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw Damaged(headerPath, e);
        }

        try
        {
            var documents = new StreamReader(Path.Combine(folder, ReportFiles.PartialDocuments), System.Text.Encoding.UTF8);
            var evidence = new FileStream(Path.Combine(folder, ReportFiles.PartialEvidence), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
            var expected = EvidenceFile.PreambleFor(header.Lexicon, header.Evidence);
            var preamble = new byte[expected.Length];
            evidence.ReadExactly(preamble);
            if (!preamble.AsSpan().SequenceEqual(expected))
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
    /// <exception cref="InputException">The documents or the evidence are damaged, or a number in them makes no sense.</exception>
    public (int File, DocumentReport Report)? Next()
    {
        var path = Path.Combine(Folder, ReportFiles.PartialDocuments);
        string? line;
        try
        {
            line = _documents.ReadLine();
        }
        catch (IOException e)
        {
            throw new InputException($"cannot read the partial results ({e.Message}).", path, fix: "Check that the shard's folder is complete and readable.", inner: e);
        }

        if (line is null)
        {
            CheckTotals();
            return null;
        }

        _line++;
        int file, evidenceRows;
        long characters, evidenceBytes;
        DocumentSummary summary;
        TermHits[] terms;
        try
        {
            var d = DocumentLine.Read(line);
            summary = d.Summary();
            terms = [.. d.Terms ?? throw Missing("terms")];
            file = d.File ?? throw Missing("file");
            characters = d.Characters ?? throw Missing("characters");
            evidenceBytes = d.EvidenceBytes ?? throw Missing("evidence_bytes");
            evidenceRows = d.EvidenceRows ?? throw Missing("evidence_rows");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new InputException($"line {_line} is not a document record ({e.Message}).", path, fix: "The shard's output is damaged; run the shard again.", inner: e);
        }

        CheckDocument(path, file, characters, summary, terms, evidenceBytes, evidenceRows);
        if (evidenceBytes > CsvRowBuffer.MaxBytes)
        {
            // A document of more than 4 MiB of plain text is analysed in windows and its evidence may pass what one buffer holds.
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"line {_line}: the evidence rows of one document take {evidenceBytes:N0} bytes, more than merging holds in memory ({CsvRowBuffer.MaxBytes:N0})."),
                path, fix: "Analyse the file of that document in one run without shards, or split it into smaller files.");
        }

        try
        {
            var evidence = CsvRowBuffer.ReadFrom(_evidence, (int)evidenceBytes, evidenceRows);
            _tokens += summary.Tokens;
            _characters += characters;
            return (file, new DocumentReport(summary, characters, terms, evidence));
        }
        catch (EndOfStreamException e)
        {
            throw new InputException($"{ReportFiles.PartialEvidence} ends before the evidence of document {_line} of {ReportFiles.PartialDocuments}.", Folder,
                fix: "The shard's output is incomplete; run the shard again.", inner: e);
        }
    }

    /// <summary>
    /// Checks every number of a document record against the others and the header: none negative, the
    /// file one of this shard's inputs and in order, term and theme hits adding up, vetoed matches only
    /// for terms with exclusions, one evidence row per hit, and no more evidence bytes than the evidence
    /// file has left.
    /// </summary>
    private void CheckDocument(string path, int file, long characters, DocumentSummary summary, TermHits[] terms, long evidenceBytes, int evidenceRows)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new InputException($"line {_line}: {problem}", path,
                    fix: "The partial results were edited or damaged after the shard wrote them; run the shard again.");
            }
        }

        Require(file >= 0 && file < Header.Files, $"the file index {file} is not one of the run's {Header.Files} input files.");
        Require(_inputs.ContainsKey(file), $"the file index {file} ({Header.FileHashes[file].Key}) is not one of this shard's inputs.");
        Require(file >= _lastFile, $"the file index {file} comes after {_lastFile}; documents must be in input order.");
        _lastFile = file;
        Require(characters >= 0 && summary.Tokens >= 0 && summary.Sentences >= 0, $"a count is negative (characters {characters}, tokens {summary.Tokens}, sentences {summary.Sentences}).");
        Require(evidenceBytes >= 0 && evidenceRows >= 0, $"evidence_bytes {evidenceBytes} and evidence_rows {evidenceRows} must not be negative.");
        Require(evidenceBytes <= _evidence.Length - _evidence.Position,
            $"evidence_bytes {evidenceBytes} is more than the {_evidence.Length - _evidence.Position} bytes left in {ReportFiles.PartialEvidence}.");
        Require(summary.Themes.Count == Header.Lexicon.Themes.Count, $"it has counts for {summary.Themes.Count} themes; the lexicon has {Header.Lexicon.Themes.Count}.");
        var byTheme = new long[summary.Themes.Count];
        foreach (var (term, hits, vetoed) in terms)
        {
            Require(term >= 0 && term < _themeOfTerm.Length && _themeOfTerm[term] >= 0, $"the term index {term} is not a term of the lexicon.");
            Require(hits >= 0 && vetoed >= 0 && hits + vetoed > 0, $"term {term} has {hits} hits and {vetoed} vetoed matches.");
            Require(vetoed == 0 || Header.Lexicon.Terms[term].Exclusions.Count > 0, $"term {term} has {vetoed} vetoed matches but no exclusions.");
            byTheme[_themeOfTerm[term]] += hits;
        }

        for (var t = 0; t < byTheme.Length; t++)
        {
            var tally = summary.Themes[t];
            Require(tally.Hits == byTheme[t], $"theme '{Header.Lexicon.Themes[t]}' has {tally.Hits} hits, but its terms have {byTheme[t]}.");
            Require(tally.Sentences >= 0 && tally.Sentences <= tally.Hits && tally.Sentences <= summary.Sentences,
                $"theme '{Header.Lexicon.Themes[t]}' is in {tally.Sentences} sentences, with {tally.Hits} hits in {summary.Sentences} sentences.");
        }

        Require(evidenceRows == (Header.Evidence == EvidenceMode.None ? 0 : byTheme.Sum()),
            Header.Evidence == EvidenceMode.None ? $"evidence_rows {evidenceRows} for a shard run without evidence (none expected)." : $"evidence_rows {evidenceRows} does not match the {byTheme.Sum()} hits (one evidence row per hit).");
    }

    private void CheckTotals()
    {
        if (_line != Header.Documents || _tokens != Header.Tokens || _characters != Header.Characters || _evidence.Position != _evidence.Length)
        {
            throw new InputException(
                $"{ReportFiles.PartialHeader} records {Header.Documents} documents, {Header.Tokens} tokens and {Header.Characters} characters, but {ReportFiles.PartialDocuments} holds {_line}, {_tokens} and {_characters}"
                + (_evidence.Position != _evidence.Length ? $", and {_evidence.Length - _evidence.Position} bytes of {ReportFiles.PartialEvidence} belong to no document." : "."),
                Folder, fix: "The partial results were edited or damaged after the shard wrote them; run the shard again.");
        }
    }

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        _documents.Dispose();
        _evidence.Dispose();
    }

    private static ShardHeader ReadHeader(byte[] bytes, string path)
    {
        using (var json = JsonDocument.Parse(bytes))
        {
            // The format first: another format's other fields would only confuse the message.
            var format = json.RootElement.GetProperty("format").GetString();
            if (!string.Equals(format, ShardHeader.Format, StringComparison.Ordinal))
            {
                throw new InputException($"the partial results are in format '{format}', not {ShardHeader.Format}.", path,
                    fix: "Run every shard and the merge with the same version of cpnlp.");
            }
        }

        var header = (JsonSerializer.Deserialize(bytes, ManifestWriter.Json.PartialJson) ?? throw new JsonException("the header is null.")).ToHeader();
        CheckHeader(header, path);
        if (EvidenceModeNames.Of(header.Options) is null)
        {
            throw new InputException($"its option {EvidenceModeNames.Option} is '{header.Options.First(o => o.Key == EvidenceModeNames.Option).Value}', not one of {string.Join(", ", EvidenceModeNames.All)}.", path,
                fix: "Run every shard and the merge with the same version of cpnlp.");
        }

        return header;
    }

    /// <summary>Checks the header's numbers: none negative, file indexes in range, each input where the listing and the shard put it, with the content fingerprinted.</summary>
    private static void CheckHeader(ShardHeader header, string path)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                throw new InputException(problem, path, fix: "The partial results were edited or damaged after the shard wrote them; run the shard again.");
            }
        }

        Require(header.Shard.Count >= 1 && header.Shard.Index >= 0 && header.Shard.Index < header.Shard.Count, $"the shard {header.Shard} is not one of 0/N to N-1/N.");
        Require(header.Files >= 0 && header.Files == header.FileHashes.Count, $"it records {header.Files} input files but lists {header.FileHashes.Count}.");
        Require(string.Equals(InputFingerprint.Of(header.FileHashes), header.FilesSha256, StringComparison.Ordinal), "the fingerprint of the input files does not match their list.");
        Require(header.Documents >= 0 && header.Tokens >= 0 && header.Characters >= 0,
            $"a total is negative (documents {header.Documents}, tokens {header.Tokens}, characters {header.Characters}).");
        foreach (var (file, input) in header.Inputs)
        {
            Require(file >= 0 && file < header.Files, $"the input '{input.Path}' has the file index {file}, not one of the run's {header.Files} files.");
            var (listed, sha256) = header.FileHashes[file];
            Require(string.Equals(listed, input.Path, StringComparison.Ordinal), $"the input '{input.Path}' has the file index {file}, which the listing gives to '{listed}'.");
            Require(header.Shard.Contains(input.Path), $"the input '{input.Path}' belongs to another shard than {header.Shard}.");
            Require(input.Bytes >= 0 && input.Documents >= 0, $"the input '{input.Path}' has a negative size or number of documents.");
            Require(string.Equals(input.Sha256, sha256, StringComparison.Ordinal),
                $"the input '{input.Path}' changed while the shard ran: its content when analysed (SHA-256 {input.Sha256[..Math.Min(12, input.Sha256.Length)]}…) is not its content when fingerprinted ({sha256[..Math.Min(12, sha256.Length)]}…).");
        }

        foreach (var (file, _) in header.Skipped)
        {
            Require(file >= 0 && file < header.Files, $"a skipped input has the file index {file}, not one of the run's {header.Files} files.");
        }

        foreach (var (file, _) in header.Warnings)
        {
            Require(file >= 0 && file < header.Files, $"a warning has the file index {file}, not one of the run's {header.Files} files.");
        }
    }

    private static JsonException Missing(string property) => new($"it has no '{property}'.");

    private static InputException Damaged(string path, Exception e) =>
        new($"cannot read the partial results ({e.Message}).", path, fix: "The shard's output is damaged or from another tool; run the shard again.", inner: e);
}
