using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Output;
using CsvHelper;
using Microsoft.Win32.SafeHandles;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// Writes <c>evidence.csv</c> in a folder merged with the evidence left in the shards' folders
/// (<see cref="MergeEvidence.Parts"/>, a merge's default): the byte ranges that <c>evidence_parts.csv</c> lists,
/// concatenated in its order, without parsing them, so the file is byte for byte the one a copying
/// merge writes. Every shard file is checked before anything is written (there, and of the size it had
/// when merged) and its SHA-256 (the shard's own, from <c>partial.sha256</c>) as it is read; a file that
/// is missing or changed is refused by name, and <c>evidence.csv</c> appears (with the manifest updated to
/// list it) only when all of it is written and checked.
/// </summary>
public sealed class EvidenceAssembler
{
    private const int BlockBytes = 1 << 20;

    /// <summary>
    /// The command that assembles the evidence of the merged folder <paramref name="folder"/>, as a merged
    /// folder's manifest and <c>report.html</c> (and the console) name it: <c>cpnlp evidence assemble FOLDER</c>,
    /// the folder quoted for a POSIX shell when it holds anything but letters, digits and <c>_ . / : @ % + = , -</c>.
    /// </summary>
    public static string CommandFor(string folder) => EvidenceParts.AssembleCommand(folder);

    /// <summary>Assembles <c>evidence.csv</c> in the merged folder <paramref name="folder"/>.</summary>
    /// <exception cref="InputException">The folder was not merged with the evidence left in the shards, its listing is damaged, or a shard's evidence file is missing or changed.</exception>
    /// <exception cref="OutputException">The folder cannot be written.</exception>
    public EvidenceAssembly Assemble(string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var clock = Stopwatch.StartNew();
        var manifestPath = Path.Combine(folder, ReportFiles.Manifest);
        var (manifest, expectedBytes, listingSha256) = ReadManifest(manifestPath, folder);
        using var document = manifest;
        var listingPath = Path.Combine(folder, ReportFiles.EvidenceParts);
        var parts = ReadListing(listingPath, folder, listingSha256);
        var files = CheckFiles(parts, folder);

        using var output = OutputDirectory.Open(folder);
        var staged = output.Stage(ReportFiles.Evidence);
        var (bytes, sha256) = Copy(parts, files, staged, cancellationToken);
        if (bytes != expectedBytes)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"its parts make {bytes:N0} bytes, but {ReportFiles.Manifest} records {expectedBytes:N0}."), listingPath,
                fix: "The merged folder was edited after the merge; merge the shards again.");
        }

        WriteManifest(manifest, output.Stage(ReportFiles.Manifest), sha256);
        output.Keep(ReportsOf(manifest));
        output.Commit();
        return new EvidenceAssembly(Path.Combine(output.FullPath, ReportFiles.Evidence), bytes, parts.Count, files.Count, sha256, clock.Elapsed);
    }

    /// <summary>
    /// The merged folder's manifest (read-only: a run of 300,000 files has an 80 MB manifest, which a mutable
    /// JSON tree would take several hundred MB to hold), the size of the evidence it says the parts make, and
    /// the SHA-256 it records for the listing.
    /// </summary>
    private static (JsonDocument Manifest, long Bytes, string? ListingSha256) ReadManifest(string path, string folder)
    {
        JsonDocument manifest;
        try
        {
            manifest = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"there is no {ReportFiles.Manifest}, so this is not the output folder of a merge.", folder, null,
                Wording.Of($"Give the {OptionName.OutputFolder} of a merge that left the evidence in the shards' folders ({OptionName.MergeEvidence} parts, the default)."), e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new InputException($"cannot read the manifest ({e.Message}).", path, fix: "Merge the shards again.", inner: e);
        }

        try
        {
            var root = manifest.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("evidence_parts", out var parts) || parts.ValueKind != JsonValueKind.Object)
            {
                throw ReportsOf(manifest).Contains(ReportFiles.Evidence)
                    ? new InputException($"its evidence is in {ReportFiles.Evidence} already: the merge copied it, so there is nothing to assemble.", folder, null,
                        Wording.Of($"Use {ReportFiles.Evidence} as it is; only a merge with {OptionName.MergeEvidence} parts (the default) leaves the evidence to assemble."))
                    : new InputException($"its {ReportFiles.Manifest} lists no evidence parts: it was not written by a merge that left the evidence in the shards' folders.", folder, null,
                        Wording.Of($"Give the {OptionName.OutputFolder} of a merge that left the evidence in the shards' folders ({OptionName.MergeEvidence} parts, the default)."));
            }

            var listing = root.TryGetProperty("report_sha256", out var hashes) && hashes.TryGetProperty(ReportFiles.EvidenceParts, out var hash) ? hash.GetString() : null;
            return (manifest, parts.GetProperty("bytes").GetInt64(), listing);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            manifest.Dispose();
            throw new InputException($"its evidence_parts entry is damaged ({e.Message}).", path, fix: "Merge the shards again.", inner: e);
        }
        catch (InputException)
        {
            manifest.Dispose();
            throw;
        }
    }

    /// <summary>The rows of <c>evidence_parts.csv</c>, checked against the manifest's checksum and for sense.</summary>
    private static List<EvidencePart> ReadListing(string path, string folder, string? sha256)
    {
        if (!File.Exists(path))
        {
            throw new InputException($"there is no {ReportFiles.EvidenceParts}, the listing of the evidence in the shards' folders.", folder, fix: "Merge the shards again.");
        }

        var actual = PartialChecksums.Sha256Of(path);
        if (sha256 is not null && !string.Equals(actual, sha256, StringComparison.Ordinal))
        {
            throw new InputException($"it was changed after the merge: its SHA-256 is {actual[..12]}…, but {ReportFiles.Manifest} records {sha256[..Math.Min(12, sha256.Length)]}….", path,
                fix: "Merge the shards again to write it anew.");
        }

        var declared = AnalysisReports.EvidenceParts.Columns.Select(c => c.Name).ToList();
        var parts = new List<EvidencePart>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var row = 1;
        try
        {
            using var csv = CsvReader.FromFile(path, CsvReaderOptions.Default);
            var header = csv.Headers.Select(h => h.TrimStart('\uFEFF')).ToList();
            if (!header.SequenceEqual(declared, StringComparer.Ordinal))
            {
                throw new InputException($"its header is {string.Join(",", header)}, not {string.Join(",", declared)}.", path, 1, "Merge the shards again with this version of cpnlp.");
            }

            while (csv.Read())
            {
                row++;
                // A file's name and checksum repeat on each of its ranges: one copy of each is kept (300,000 ranges for 1,000 shards).
                var file = CsvReport.UnescapeFormula(csv.GetString(0));
                var sha = csv.GetString(5);
                file = names.TryGetValue(file, out var known) ? known : names[file] = file;
                sha = names.TryGetValue(sha, out known) ? known : names[sha] = sha;
                var part = new EvidencePart(file, Number(csv.GetString(1)), Number(csv.GetString(2)), Number(csv.GetString(3)), Number(csv.GetString(4)), sha);
                if (part.File.Length == 0 || part.Offset < 0 || part.Bytes < 0 || part.Rows < 0 || part.Offset + part.Bytes > part.FileBytes || part.FileSha256.Length != 64)
                {
                    throw new FormatException("a range outside its file, a negative number or a checksum that is not 64 hex digits");
                }

                parts.Add(part);
            }
        }
        catch (Exception e) when (e is FormatException or OverflowException or CsvFormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            throw new InputException($"row {row.ToString(CultureInfo.InvariantCulture)} is not a range of a shard's evidence file ({e.Message}).", path, row, "Merge the shards again.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"cannot read the listing ({e.Message}).", path, fix: "Check that the merged folder is complete and readable.", inner: e);
        }

        return parts;
    }

    /// <summary>
    /// Each shard file of the listing, resolved against the merged folder and checked before anything is
    /// written: there, a regular file, of the size it had when merged.
    /// </summary>
    private static Dictionary<string, string> CheckFiles(List<EvidencePart> parts, string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var facts = new Dictionary<string, (long Bytes, string Sha256)>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            if (facts.TryGetValue(part.File, out var known))
            {
                if (known.Bytes != part.FileBytes || !string.Equals(known.Sha256, part.FileSha256, StringComparison.Ordinal))
                {
                    throw new InputException($"it gives {part.File} two sizes or checksums.", Path.Combine(folder, ReportFiles.EvidenceParts), fix: "Merge the shards again.");
                }

                continue;
            }

            facts[part.File] = (part.FileBytes, part.FileSha256);
            var path = Path.GetFullPath(Path.Combine(folder, part.File));
            files[part.File] = path;
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new InputException($"this shard's evidence file is missing. The merged folder holds no copy of the evidence ({ReportFiles.EvidenceParts} lists where the shards' files were), so they must stay in place until it is assembled.", path, null,
                    Wording.Of($"Put the shard's folder back at that path (relative to the merged folder: {part.File}), or run that shard again and merge again (with {OptionName.MergeEvidence} copy, for a merged folder that holds the evidence itself)."));
            }

            if (info.Length != part.FileBytes)
            {
                throw Changed(path, string.Create(CultureInfo.InvariantCulture, $"it has {info.Length:N0} bytes, but had {part.FileBytes:N0} when merged"));
            }
        }

        return files;
    }

    /// <summary>
    /// Copies the ranges in order into <paramref name="staged"/>, hashing each shard file whole on the way; returns the size and SHA-256 of what was written.
    /// The ranges are gathered into blocks of <see cref="BlockBytes"/>, and each full block is written and hashed on
    /// another thread while the next is read and its shard file hashed (two blocks in memory): the two SHA-256 passes
    /// and the kernel's reading and writing share two cores instead of taking turns on one.
    /// </summary>
    private static (long Bytes, string Sha256) Copy(List<EvidencePart> parts, Dictionary<string, string> files, string staged, CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, Source>(StringComparer.Ordinal);
        var skip = new byte[BlockBytes];
        using var written = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        try
        {
            using (var output = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None, 0))
            {
                using var blocks = new BlockWriter(output, written);
                foreach (var part in parts)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!open.TryGetValue(part.File, out var source))
                    {
                        open[part.File] = source = new Source(files[part.File], part.FileBytes, part.FileSha256);
                    }

                    if (part.Offset < source.HashedTo)
                    {
                        throw new InputException($"the ranges of {part.File} are not in file order.", Path.Combine(Path.GetDirectoryName(staged)!, ReportFiles.EvidenceParts), fix: "Merge the shards again.");
                    }

                    source.Skip(part.Offset, skip);
                    for (var left = part.Bytes; left > 0;)
                    {
                        var block = source.Read(blocks.Free[..(int)Math.Min(left, blocks.Free.Length)]);
                        blocks.Filled(block.Length);
                        left -= block.Length;
                        bytes += block.Length;
                    }
                }

                blocks.Complete();
            }

            foreach (var source in open.Values)
            {
                source.Finish(skip);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not EndOfStreamException)
        {
            throw OutputException.Writing(staged, e);
        }
        finally
        {
            foreach (var source in open.Values)
            {
                source.Dispose();
            }
        }

        return (bytes, Convert.ToHexStringLower(written.GetHashAndReset()));
    }

    /// <summary>
    /// Two blocks of <see cref="BlockBytes"/>: one filled on the calling thread while the other is written to the
    /// output and hashed on the thread pool. A block is handed over when full (or at <see cref="Complete"/>), after
    /// the previous one is done, so the output gets the blocks in order and at most one write runs at a time.
    /// </summary>
    private sealed class BlockWriter(Stream output, IncrementalHash hash) : IDisposable
    {
        private byte[] _filling = new byte[BlockBytes];
        private byte[] _spare = new byte[BlockBytes];
        private int _filled;
        private Task _writing = Task.CompletedTask;

        /// <summary>The unfilled rest of the block being filled (never empty).</summary>
        public Span<byte> Free => _filling.AsSpan(_filled);

        /// <summary>Counts <paramref name="count"/> more bytes of <see cref="Free"/> as filled; a full block is handed over.</summary>
        public void Filled(int count)
        {
            _filled += count;
            if (_filled == _filling.Length)
            {
                HandOver();
            }
        }

        /// <summary>Hands over the last block and waits until everything is written and hashed; a failed write is thrown here.</summary>
        public void Complete()
        {
            if (_filled > 0)
            {
                HandOver();
            }

            _writing.GetAwaiter().GetResult();
        }

        /// <summary>Waits for the write in progress (its failure, if any, was or will be seen elsewhere), so that nothing writes to a closed output.</summary>
        public void Dispose()
        {
            try
            {
                _writing.Wait();
            }
            catch (AggregateException)
            {
                // Thrown by Complete or HandOver, or the copy is already failing for another reason.
            }
        }

        private void HandOver()
        {
            _writing.GetAwaiter().GetResult();
            var block = _filling;
            var length = _filled;
            _writing = Task.Run(() =>
            {
                output.Write(block, 0, length);
                hash.AppendData(block, 0, length);
            });
            (_filling, _spare) = (_spare, _filling);
            _filled = 0;
        }
    }

    /// <summary>The manifest as it was, with <c>evidence.csv</c> listed before its listing and its SHA-256 recorded, written property by property.</summary>
    private static void WriteManifest(JsonDocument manifest, string path, string sha256)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, ManifestWriter.JsonOptions);
        json.WriteStartObject();
        foreach (var property in manifest.RootElement.EnumerateObject())
        {
            if (property.NameEquals("reports") && property.Value.ValueKind == JsonValueKind.Array)
            {
                json.WriteStartArray(property.Name);
                var listed = ReportsOf(manifest).Contains(ReportFiles.Evidence);
                foreach (var report in property.Value.EnumerateArray())
                {
                    if (!listed && report.ValueEquals(ReportFiles.EvidenceParts))
                    {
                        json.WriteStringValue(ReportFiles.Evidence);
                    }

                    report.WriteTo(json);
                }

                json.WriteEndArray();
            }
            else if (property.NameEquals("evidence_parts") && property.Value.ValueKind == JsonValueKind.Object)
            {
                // The folder no longer depends on the shards': the note says so, and the command is done.
                json.WriteStartObject(property.Name);
                foreach (var field in property.Value.EnumerateObject().Where(f => !f.NameEquals("assemble")))
                {
                    if (field.NameEquals("note"))
                    {
                        json.WriteString(field.Name, ManifestJson.EvidencePartsJson.AssembledNote);
                    }
                    else
                    {
                        field.WriteTo(json);
                    }
                }

                json.WriteEndObject();
            }
            else if (property.NameEquals("report_sha256") && property.Value.ValueKind == JsonValueKind.Object)
            {
                json.WriteStartObject(property.Name);
                foreach (var hash in property.Value.EnumerateObject().Where(h => !h.NameEquals(ReportFiles.Evidence)))
                {
                    if (hash.NameEquals(ReportFiles.EvidenceParts))
                    {
                        json.WriteString(ReportFiles.Evidence, sha256);
                    }

                    hash.WriteTo(json);
                }

                json.WriteEndObject();
            }
            else
            {
                WriteFlushing(json, property);
            }
        }

        json.WriteEndObject();
    }

    /// <summary>
    /// Writes <paramref name="property"/> as it is, an array's items or an object's properties one at a time,
    /// handing the writer's buffer to the file whenever it passes <see cref="BlockBytes"/>: a writer over a
    /// stream keeps everything until it is flushed, and the manifest of a large merge (300,000 documents,
    /// 80 MB) would otherwise be held a second time, in a buffer that doubles as it grows.
    /// </summary>
    private static void WriteFlushing(Utf8JsonWriter json, JsonProperty property)
    {
        var value = property.Value;
        var array = value.ValueKind == JsonValueKind.Array;
        if (!array && value.ValueKind != JsonValueKind.Object)
        {
            property.WriteTo(json);
            FlushIfFull(json);
            return;
        }

        IEnumerable<Action> parts = array
            ? value.EnumerateArray().Select(item => (Action)(() => item.WriteTo(json)))
            : value.EnumerateObject().Select(inner => (Action)(() => inner.WriteTo(json)));
        if (array)
        {
            json.WriteStartArray(property.Name);
        }
        else
        {
            json.WriteStartObject(property.Name);
        }

        foreach (var write in parts)
        {
            write();
            FlushIfFull(json);
        }

        if (array)
        {
            json.WriteEndArray();
        }
        else
        {
            json.WriteEndObject();
        }
    }

    private static void FlushIfFull(Utf8JsonWriter json)
    {
        if (json.BytesPending > BlockBytes)
        {
            json.Flush();
        }
    }

    private static IEnumerable<string> ReportsOf(JsonDocument manifest) =>
        manifest.RootElement.ValueKind == JsonValueKind.Object && manifest.RootElement.TryGetProperty("reports", out var reports) && reports.ValueKind == JsonValueKind.Array
            ? reports.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)
            : [];

    private static long Number(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static InputException Changed(string path, string how) => new(
        $"this shard's evidence file was changed after the merge: {how}.", path, null,
        Wording.Of($"Put back the file the shard wrote, or run that shard again and merge again (a merge records each file's size and checksum, and the ranges in it)."));

    /// <summary>One shard file being read in order: every byte from the start is hashed, those between the ranges (a header) too, so that its SHA-256 can be checked at the end.</summary>
    private sealed class Source(string path, long length, string sha256) : IDisposable
    {
        private readonly SafeFileHandle _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        /// <summary>The bytes read (and hashed) so far, from the start.</summary>
        public long HashedTo { get; private set; }

        /// <summary>Reads and hashes the bytes up to <paramref name="offset"/> without copying them.</summary>
        public void Skip(long offset, byte[] buffer)
        {
            while (HashedTo < offset)
            {
                Read(buffer.AsSpan(0, (int)Math.Min(offset - HashedTo, buffer.Length)));
            }
        }

        /// <summary>Reads the next bytes into <paramref name="destination"/> (all of it unless the file ends) and hashes them.</summary>
        public ReadOnlySpan<byte> Read(Span<byte> destination)
        {
            var read = 0;
            while (read < destination.Length)
            {
                var n = RandomAccess.Read(_file, destination[read..], HashedTo + read);
                if (n == 0)
                {
                    throw Changed(path, string.Create(CultureInfo.InvariantCulture, $"it ends at byte {HashedTo + read:N0}, before the ranges listed in it"));
                }

                read += n;
            }

            _hash.AppendData(destination[..read]);
            HashedTo += read;
            return destination[..read];
        }

        /// <summary>Hashes the rest of the file and checks it against the SHA-256 the shard recorded.</summary>
        public void Finish(byte[] buffer)
        {
            Skip(length, buffer);
            var actual = Convert.ToHexStringLower(_hash.GetHashAndReset());
            if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            {
                throw Changed(path, $"its SHA-256 is {actual[..12]}…, but the shard recorded {sha256[..12]}…");
            }
        }

        public void Dispose()
        {
            _file.Dispose();
            _hash.Dispose();
        }
    }
}
