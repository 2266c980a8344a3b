using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Reads back what <see cref="PartialResultWriter"/> wrote in a shard's folder: the header at once,
/// the documents one at a time, so that a merge holds only one document per shard in memory. A
/// document's evidence rows are not read with it: they are the next bytes of the shard's evidence
/// file, which the reader hands out in order (<see cref="IEvidenceSource"/>) when the merge copies
/// them, hashing them on the way to check the file against its checksum once it is read to the end.
/// A merge that leaves the evidence in the shards' folders (<see cref="EvidenceParts"/>) does not read
/// it at all: the reader checks the file's header and size, and each document says where its rows are.
/// </summary>
internal sealed class PartialResultReader : IDisposable, IEvidenceSource
{
    private readonly StreamReader _documents;
    private readonly FileStream? _evidence;
    private readonly IncrementalHash? _evidenceHash;
    private readonly string _evidenceSha256;
    private readonly long _evidenceLength;
    private readonly Dictionary<int, InputFileRecord> _inputs;
    private readonly int[] _themeOfTerm;
    private int _line;
    private int _lastFile = -1;
    private long _tokens;
    private long _characters;

    /// <summary>Where the next document's evidence starts in the evidence file (its rows are read later, in order).</summary>
    private long _evidenceAt;

    private PartialResultReader(string folder, ShardHeader header, StreamReader documents, FileStream? evidence, ShardEvidenceFile evidenceFile, byte[] preamble)
    {
        Folder = folder;
        Header = header;
        _documents = documents;
        _evidence = evidence;
        EvidenceFile = evidenceFile;
        _evidenceSha256 = evidenceFile.Sha256;
        _evidenceLength = evidenceFile.Bytes;
        if (evidence is not null)
        {
            _evidenceHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _evidenceHash.AppendData(preamble);
        }

        _evidenceAt = preamble.Length;
        _inputs = header.Inputs.ToDictionary(i => i.File, i => i.Value);
        var themes = header.Lexicon.Themes.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        _themeOfTerm = [.. header.Lexicon.Terms.Select(t => themes.TryGetValue(t.Theme, out var i) ? i : -1)];
    }

    /// <summary>The shard's folder.</summary>
    public string Folder { get; }

    /// <summary>What the shard recorded besides its documents.</summary>
    public ShardHeader Header { get; }

    /// <summary>The shard's evidence file: where, its size, its recorded checksum and the length of its header.</summary>
    public ShardEvidenceFile EvidenceFile { get; }

    /// <summary>The SHA-256 of the lexicon as <c>partial.json</c> records it (its JSON bytes): shards whose lexicons have the same share one.</summary>
    private string LexiconJsonSha256 { get; init; } = string.Empty;

    /// <summary>
    /// Opens the partial results in <paramref name="folder"/> after checking them against their
    /// checksums (<see cref="PartialChecksums"/>; the evidence as it is read) and every number of the
    /// header for sense. The list of the run's input files (<c>partial_files.jsonl</c>, the same in every
    /// shard) is taken from <paramref name="first"/>, a shard of the same run opened before, when the
    /// fingerprints say it is the same list; otherwise it is read and checked against the fingerprint.
    /// Its lexicon too, when it is recorded in the same bytes (a thousand shards need not hold a
    /// thousand copies). With <paramref name="evidenceInPlace"/>, the evidence file is not kept open to be
    /// read: its header and size are checked, and each document says where its rows are in it.
    /// </summary>
    /// <exception cref="InputException">The folder holds no partial results, or they are damaged.</exception>
    public static PartialResultReader Open(string folder, PartialResultReader? first = null, bool evidenceInPlace = false)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var headerPath = Path.Combine(folder, ReportFiles.PartialHeader);
        if (!File.Exists(headerPath))
        {
            throw new InputException($"there is no {ReportFiles.PartialHeader}, so this is not the output of a shard of a split run ({OptionName.Shard} I/N).", folder, null,
                Wording.Of($"Give merge the output folders of the shard runs, each after its shard finished."));
        }

        ShardHeader header;
        string evidenceSha256;
        string lexiconSha256;
        try
        {
            evidenceSha256 = PartialChecksums.Verify(folder);
            header = ReadHeader(File.ReadAllBytes(headerPath), headerPath, first, out lexiconSha256);
            if (header.FileHashes.Count == 0 && header.Files > 0)
            {
                header = header with { FileHashes = ReadListing(folder, header) };
            }

            header = CheckHeader(header, headerPath);
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
            var evidencePath = Path.GetFullPath(Path.Combine(folder, ReportFiles.PartialEvidence));
            // A small buffer: a merge may have a thousand shards open; their rows are read in large pieces anyway.
            var evidence = new FileStream(evidencePath, FileMode.Open, FileAccess.Read, FileShare.Read, evidenceInPlace ? 0 : 1 << 16, FileOptions.SequentialScan);
            var expected = Output.EvidenceFile.PreambleFor(header.Lexicon, header.Evidence);
            var preamble = new byte[expected.Length];
            var file = new ShardEvidenceFile(evidencePath, evidence.Length, evidenceSha256, preamble.Length);
            try
            {
                evidence.ReadExactly(preamble);
            }
            catch (EndOfStreamException)
            {
                // Shorter than its header: said below.
            }

            if (!preamble.AsSpan().SequenceEqual(expected))
            {
                evidence.Dispose();
                PartialChecksums.VerifyFile(folder, ReportFiles.PartialEvidence, evidenceSha256);
                throw new InputException($"{ReportFiles.PartialEvidence} does not start with the evidence header.", folder, fix: "Run the shard again.");
            }

            if (evidenceInPlace)
            {
                // Its rows are listed, not read: a thousand shards need not hold a thousand open files and buffers.
                evidence.Dispose();
                evidence = null;
            }

            var documents = new StreamReader(Path.Combine(folder, ReportFiles.PartialDocuments), System.Text.Encoding.UTF8);
            return new PartialResultReader(folder, header, documents, evidence, file, preamble) { LexiconJsonSha256 = lexiconSha256 };
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
        if (_evidence is null)
        {
            // The rows stay in the shard's file; the merge lists where (EvidenceParts).
            var offset = _evidenceAt;
            _evidenceAt += evidenceBytes;
            _tokens += summary.Tokens;
            _characters += characters;
            return (file, new DocumentReport(summary, characters, terms, evidenceRows, evidenceBytes, EvidenceFile, offset));
        }

        if (evidenceBytes > CsvRowBuffer.MaxBytes)
        {
            // A document of more than 4 MiB of plain text is analysed in windows and its evidence may pass what one buffer holds.
            throw new InputException(
                string.Create(CultureInfo.InvariantCulture, $"line {_line}: the evidence rows of one document take {evidenceBytes:N0} bytes, more than merging holds in memory ({CsvRowBuffer.MaxBytes:N0})."),
                path, fix: "Analyse the file of that document in one run without shards, or split it into smaller files.");
        }

        _evidenceAt += evidenceBytes;
        _tokens += summary.Tokens;
        _characters += characters;
        return (file, new DocumentReport(summary, characters, terms, evidenceRows, (int)evidenceBytes, this));
    }

    /// <inheritdoc />
    public void ReadNext(Span<byte> destination)
    {
        if (_evidence is null || _evidenceHash is null)
        {
            throw new InvalidOperationException($"the evidence of {Folder} is left in place, to be listed, not read.");
        }

        try
        {
            _evidence.ReadExactly(destination);
        }
        catch (EndOfStreamException e)
        {
            PartialChecksums.VerifyFile(Folder, ReportFiles.PartialEvidence, _evidenceSha256);
            throw new InputException($"{ReportFiles.PartialEvidence} ends before the evidence of document {_line} of {ReportFiles.PartialDocuments}.", Folder,
                fix: "The shard's output is incomplete; run the shard again.", inner: e);
        }
        catch (IOException e)
        {
            throw new InputException($"cannot read the partial results ({e.Message}).", Path.Combine(Folder, ReportFiles.PartialEvidence),
                fix: "Check that the shard's folder is complete and readable.", inner: e);
        }

        _evidenceHash.AppendData(destination);
    }

    /// <summary>
    /// Checks every number of a document record against the others and the header: none negative, the
    /// file one of this shard's inputs and in order, term and theme hits adding up, vetoed matches only
    /// for terms with exclusions, one evidence row per hit, and no more evidence bytes than the evidence
    /// file has left.
    /// </summary>
    private void CheckDocument(string path, int file, long characters, DocumentSummary summary, TermHits[] terms, long evidenceBytes, int evidenceRows)
    {
        // The messages are made only when a check fails: a merge checks millions of numbers.
        InputException Fail(string problem) => new($"line {_line}: {problem}", path,
            fix: "The partial results were edited or damaged after the shard wrote them; run the shard again.");

        if (!(file >= 0 && file < Header.Files))
        {
            throw Fail($"the file index {file} is not one of the run's {Header.Files} input files.");
        }

        if (!_inputs.ContainsKey(file))
        {
            throw Fail($"the file index {file} ({Header.FileHashes[file].Key}) is not one of this shard's inputs.");
        }

        if (!(file >= _lastFile))
        {
            throw Fail($"the file index {file} comes after {_lastFile}; documents must be in input order.");
        }

        _lastFile = file;
        if (!(characters >= 0 && summary.Numbers.All(n => n.Value is >= 0 and <= int.MaxValue)))
        {
            throw Fail($"a count is negative or too large (characters {characters}, {string.Join(", ", summary.Numbers.Select(n => $"{n.Key} {n.Value}"))}).");
        }

        if (!(evidenceBytes >= 0 && evidenceRows >= 0))
        {
            throw Fail($"evidence_bytes {evidenceBytes} and evidence_rows {evidenceRows} must not be negative.");
        }

        if (evidenceBytes > _evidenceLength - _evidenceAt)
        {
            // Said as a changed file when the evidence is not the shard's any more.
            PartialChecksums.VerifyFile(Folder, ReportFiles.PartialEvidence, _evidenceSha256);
        }

        if (!(evidenceBytes <= _evidenceLength - _evidenceAt))
        {
            throw Fail($"evidence_bytes {evidenceBytes} is more than the {_evidenceLength - _evidenceAt} bytes left in {ReportFiles.PartialEvidence}.");
        }

        if (!(summary.Themes.Count == Header.Lexicon.Themes.Count))
        {
            throw Fail($"it has counts for {summary.Themes.Count} themes; the lexicon has {Header.Lexicon.Themes.Count}.");
        }

        var byTheme = new long[summary.Themes.Count];
        foreach (var (term, hits, vetoed) in terms)
        {
            if (!(term >= 0 && term < _themeOfTerm.Length && _themeOfTerm[term] >= 0))
            {
                throw Fail($"the term index {term} is not a term of the lexicon.");
            }

            if (!(hits >= 0 && vetoed >= 0 && hits + vetoed > 0))
            {
                throw Fail($"term {term} has {hits} hits and {vetoed} vetoed matches.");
            }

            if (!(vetoed == 0 || Header.Lexicon.Terms[term].Exclusions.Count > 0))
            {
                throw Fail($"term {term} has {vetoed} vetoed matches but no exclusions.");
            }

            byTheme[_themeOfTerm[term]] += hits;
        }

        for (var t = 0; t < byTheme.Length; t++)
        {
            var tally = summary.Themes[t];
            if (!(tally.Hits == byTheme[t]))
            {
                throw Fail($"theme '{Header.Lexicon.Themes[t]}' has {tally.Hits} hits, but its terms have {byTheme[t]}.");
            }

            if (!(tally.Sentences >= 0 && tally.Sentences <= tally.Hits && tally.Sentences <= summary.Sentences))
            {
                throw Fail($"theme '{Header.Lexicon.Themes[t]}' is in {tally.Sentences} sentences, with {tally.Hits} hits in {summary.Sentences} sentences.");
            }
        }

        var expectedRows = Header.Evidence == EvidenceMode.None ? 0 : byTheme.Sum();
        if (evidenceRows != expectedRows)
        {
            throw Fail(Header.Evidence == EvidenceMode.None ? $"evidence_rows {evidenceRows} for a shard run without evidence (none expected)." : $"evidence_rows {evidenceRows} does not match the {byTheme.Sum()} hits (one evidence row per hit).");
        }
    }

    private void CheckTotals()
    {
        if (_evidence is null || _evidenceHash is null)
        {
            // Left in place: its checksum is checked when it is assembled; here, that its size is its documents'.
            if (_evidenceAt != _evidenceLength)
            {
                PartialChecksums.VerifyFile(Folder, ReportFiles.PartialEvidence, _evidenceSha256);
            }

            if (_line != Header.Documents || _tokens != Header.Tokens || _characters != Header.Characters || _evidenceAt != _evidenceLength)
            {
                throw Mismatch(_evidenceLength);
            }

            return;
        }

        if (_evidenceAt == _evidence.Length && _evidence.Position == _evidence.Length)
        {
            // Every byte of the evidence has been read (and copied): it must be the file the shard wrote.
            var actual = Convert.ToHexStringLower(_evidenceHash.GetHashAndReset());
            if (!string.Equals(actual, _evidenceSha256, StringComparison.Ordinal))
            {
                throw PartialChecksums.Changed(Folder, ReportFiles.PartialEvidence, actual, _evidenceSha256);
            }
        }
        else
        {
            PartialChecksums.VerifyFile(Folder, ReportFiles.PartialEvidence, _evidenceSha256);
        }

        if (_line != Header.Documents || _tokens != Header.Tokens || _characters != Header.Characters || _evidence.Position != _evidence.Length)
        {
            throw Mismatch(_evidence.Length);
        }
    }

    private InputException Mismatch(long evidenceLength) => new(
        $"{ReportFiles.PartialHeader} records {Header.Documents} documents, {Header.Tokens} tokens and {Header.Characters} characters, but {ReportFiles.PartialDocuments} holds {_line}, {_tokens} and {_characters}"
        + (_evidenceAt != evidenceLength ? $", and {evidenceLength - _evidenceAt} bytes of {ReportFiles.PartialEvidence} belong to no document." : "."),
        Folder, fix: "The partial results were edited or damaged after the shard wrote them; run the shard again.");

    /// <summary>Closes the files.</summary>
    public void Dispose()
    {
        _documents.Dispose();
        _evidence?.Dispose();
        _evidenceHash?.Dispose();
    }

    /// <summary>
    /// The list of the run's input files from <c>partial_files.jsonl</c> (one <c>["path","sha256"]</c> a
    /// line), checked against the fingerprint the header records; it is not in <c>partial.sha256</c>,
    /// since the fingerprint (in <c>partial.json</c>, which is) is its hash.
    /// </summary>
    private static IReadOnlyList<KeyValuePair<string, string>> ReadListing(string folder, ShardHeader header)
    {
        var path = Path.Combine(folder, ReportFiles.PartialFiles);
        if (!File.Exists(path))
        {
            throw new InputException($"there is no {ReportFiles.PartialFiles} (the list of the run's input files).", folder, fix: "The shard's output is incomplete; run the shard again.");
        }

        var list = new List<KeyValuePair<string, string>>(header.Files);
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            try
            {
                using var json = JsonDocument.Parse(text);
                var pair = json.RootElement;
                list.Add(new(pair[0].GetString()!, pair[1].GetString()!));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or IndexOutOfRangeException)
            {
                throw new InputException($"line {line.ToString(CultureInfo.InvariantCulture)} is not [\"path\", \"sha256\"] ({e.Message}).", path, fix: "The shard's output is damaged; run the shard again.", inner: e);
            }
        }

        if (!string.Equals(InputFingerprint.Of(list), header.FilesSha256, StringComparison.Ordinal))
        {
            throw new InputException($"the list of input files does not match the fingerprint {header.FilesSha256[..Math.Min(12, header.FilesSha256.Length)]}… that {ReportFiles.PartialHeader} records: it was changed after the shard wrote it.", path,
                fix: "Partial results must be merged as the shard wrote them; run the shard again to replace them.");
        }

        return list;
    }

    private static ShardHeader ReadHeader(byte[] bytes, string path, PartialResultReader? firstReader, out string lexiconSha256)
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

            // The per-document numbers next: each line holds those its shard declared (DocumentLine).
            var numbers = json.RootElement.TryGetProperty("document_numbers", out var listed) && listed.ValueKind == JsonValueKind.Array
                ? string.Join(", ", listed.EnumerateArray().Select(n => n.ToString()))
                : "(none listed)";
            if (!string.Equals(numbers, DocumentNumberValues.Names, StringComparison.Ordinal))
            {
                throw new InputException($"the shard counted the per-document numbers {numbers}, but this cpnlp counts {DocumentNumberValues.Names}.", path,
                    fix: "Run every shard and the merge with the same version of cpnlp: run the shard again with this one.");
            }

            // (Without a lexicon the deserialization below says what is missing.)
            var lexicon = json.RootElement.TryGetProperty("lexicon", out var recorded) ? recorded.GetRawText() : string.Empty;
            lexiconSha256 = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(lexicon)));
        }

        var partial = JsonSerializer.Deserialize(bytes, ManifestWriter.Json.PartialJson) ?? throw new JsonException("the header is null.");
        // The list of files is read from partial_files.jsonl (ReadListing) unless a shard of the same run gave it already;
        // the lexicon is shared with that shard when it is recorded in the same bytes.
        var first = firstReader?.Header;
        var listing = first is not null && first.Files == partial.Files.Count && string.Equals(first.FilesSha256, partial.Files.Sha256, StringComparison.Ordinal) ? first.FileHashes : [];
        var sameLexicon = first is not null && string.Equals(lexiconSha256, firstReader!.LexiconJsonSha256, StringComparison.Ordinal);
        var header = partial.ToHeader(listing, sameLexicon ? first!.Lexicon : null);
        if (EvidenceModeNames.Of(header.Options) is null)
        {
            throw new InputException($"its option {EvidenceModeNames.Option} is '{header.Options.First(o => o.Key == EvidenceModeNames.Option).Value}', not one of {string.Join(", ", EvidenceModeNames.All)}.", path,
                fix: "Run every shard and the merge with the same version of cpnlp.");
        }

        return header;
    }

    /// <summary>Checks the header's numbers: none negative, file indexes in range, each input where the listing and the shard put it, with the content fingerprinted; returns the header with its inputs sharing the listing's strings.</summary>
    private static ShardHeader CheckHeader(ShardHeader header, string path)
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
        // A list of files was checked against this fingerprint when read (ReadListing), or is the list of a shard of the
        // same fingerprint opened before: hashing it again for each of a thousand shards took over a third of the merge's time.
        Require(header.Files > 0 || string.Equals(InputFingerprint.Of(header.FileHashes), header.FilesSha256, StringComparison.Ordinal), "the fingerprint of the input files does not match their list.");
        Require(header.Documents >= 0 && header.Tokens >= 0 && header.Characters >= 0,
            $"a total is negative (documents {header.Documents}, tokens {header.Tokens}, characters {header.Characters}).");
        // The messages are made only when a check fails (a merge checks every input of every shard), and each input
        // keeps the listing's strings for its path and checksum, equal to its own: one copy in memory, not two.
        var inputs = new List<FileTagged<InputFileRecord>>(header.Inputs.Count);
        foreach (var (file, input) in header.Inputs)
        {
            if (!(file >= 0 && file < header.Files))
            {
                Require(false, $"the input '{input.Path}' has the file index {file}, not one of the run's {header.Files} files.");
            }

            var (listed, sha256) = header.FileHashes[file];
            if (!string.Equals(listed, input.Path, StringComparison.Ordinal))
            {
                Require(false, $"the input '{input.Path}' has the file index {file}, which the listing gives to '{listed}'.");
            }

            if (!header.Shard.Contains(input.Path))
            {
                Require(false, $"the input '{input.Path}' belongs to another shard than {header.Shard}.");
            }

            if (!(input.Bytes >= 0 && input.Documents >= 0))
            {
                Require(false, $"the input '{input.Path}' has a negative size or number of documents.");
            }

            if (!string.Equals(input.Sha256, sha256, StringComparison.Ordinal))
            {
                Require(false, $"the input '{input.Path}' changed while the shard ran: its content when analysed (SHA-256 {input.Sha256[..Math.Min(12, input.Sha256.Length)]}…) is not its content when fingerprinted ({sha256[..Math.Min(12, sha256.Length)]}…).");
            }

            inputs.Add(new(file, input with { Path = listed, Sha256 = sha256 }));
        }

        foreach (var (file, _) in header.Skipped)
        {
            Require(file >= 0 && file < header.Files, $"a skipped input has the file index {file}, not one of the run's {header.Files} files.");
        }

        foreach (var (file, _) in header.Warnings)
        {
            Require(file >= 0 && file < header.Files, $"a warning has the file index {file}, not one of the run's {header.Files} files.");
        }

        return header with { Inputs = inputs };
    }

    private static JsonException Missing(string property) => new($"it has no '{property}'.");

    private static InputException Damaged(string path, Exception e) =>
        new($"cannot read the partial results ({e.Message}).", path, fix: "The shard's output is damaged or from another tool; run the shard again.", inner: e);
}
