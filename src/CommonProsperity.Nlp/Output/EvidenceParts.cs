using CsvHelper;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// The merged evidence left where it is, in the shards' evidence files: instead of copying each
/// document's rows into <c>evidence.csv</c>, a merge records where they are, and this writes the
/// ranges to <c>evidence_parts.csv</c> as they come (a document's rows that follow the previous
/// document's in the same file extend its range). The first range starts at byte 0 of the first file
/// the documents come from, with its header; the other shards' headers are left out. Concatenated in order, the ranges are the <c>evidence.csv</c> a copying merge
/// writes. Nothing of the evidence is read: the merge takes time and memory for its documents, not for
/// their evidence bytes.
/// </summary>
internal sealed class EvidenceParts : IDisposable
{
    private readonly CsvWriter _csv;
    private readonly string _folder;
    private readonly ReportLayout<EvidencePart> _layout = AnalysisReports.EvidenceParts;
    private readonly List<ShardEvidenceFile> _files = [];
    private readonly HashSet<ShardEvidenceFile> _seen = [];
    private ShardEvidenceFile? _file;
    private long _offset;
    private long _bytes;
    private long _rows;

    /// <summary>Starts the listing at <paramref name="path"/> (a staged report) for a merged folder at <paramref name="folder"/>, to which the files' paths are made relative.</summary>
    /// <exception cref="Errors.OutputException">The listing cannot be created.</exception>
    public EvidenceParts(string path, string folder)
    {
        _folder = folder ?? throw new ArgumentNullException(nameof(folder));
        _csv = CsvReport.Create(path);
        _csv.WriteRow(_layout.Header([]));
    }

    /// <summary>
    /// The command that assembles the evidence of the merged folder <paramref name="folder"/>:
    /// <c>cpnlp evidence assemble FOLDER</c>, the folder quoted for a POSIX shell when it holds anything but
    /// letters, digits and <c>_ . / : @ % + = , -</c> (<see cref="Jobs.EvidenceAssembler.CommandFor"/>).
    /// </summary>
    public static string AssembleCommand(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var plain = folder.Length > 0 && folder.All(c => char.IsAsciiLetterOrDigit(c) || "_./:@%+=,-".Contains(c, StringComparison.Ordinal));
        return "cpnlp evidence assemble " + (plain ? folder : "'" + folder.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
    }

    /// <summary>The ranges listed so far.</summary>
    public long Parts { get; private set; }

    /// <summary>The size of the evidence they make up, in bytes.</summary>
    public long Bytes { get; private set; }

    /// <summary>The evidence rows they hold.</summary>
    public long Rows { get; private set; }

    /// <summary>The shards' evidence files, in the order their first range comes.</summary>
    public IReadOnlyList<ShardEvidenceFile> Files => _files;

    /// <summary>
    /// Takes over the location of <paramref name="report"/>'s evidence rows (still in a shard's file) and
    /// lists them after those added before; the first document also brings the header.
    /// </summary>
    /// <exception cref="InvalidOperationException">The report's rows are not in a shard's evidence file.</exception>
    public void Append(DocumentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (file, offset) = report.TakeEvidenceRange() ?? throw new InvalidOperationException($"the evidence rows of {report.Summary.Id} are not in a shard's evidence file.");
        if (_seen.Add(file))
        {
            _files.Add(file);
            if (_files.Count == 1)
            {
                Extend(file, 0, file.Preamble, 0);
            }
        }

        Extend(file, offset, report.EvidenceBytes, report.EvidenceRows);
    }

    /// <summary>Writes the last range and closes the listing.</summary>
    public void Complete()
    {
        Flush();
        _csv.Dispose();
    }

    /// <summary>Closes the listing (a failed merge's staged file is removed with the staging folder).</summary>
    public void Dispose() => _csv.Dispose();

    private void Extend(ShardEvidenceFile file, long offset, long bytes, long rows)
    {
        if (bytes == 0 && _file is not null)
        {
            return;
        }

        if (!Equals(file, _file) || offset != _offset + _bytes)
        {
            Flush();
            _file = file;
            _offset = offset;
            _bytes = 0;
            _rows = 0;
        }

        _bytes += bytes;
        _rows += rows;
        Bytes += bytes;
        Rows += rows;
    }

    private void Flush()
    {
        if (_file is not { } file)
        {
            return;
        }

        var relative = Path.GetRelativePath(_folder, file.Path).Replace('\\', '/');
        _csv.WriteRow(_layout.Row(new EvidencePart(relative, _offset, _bytes, _rows, file.Bytes, file.Sha256), 0));
        Parts++;
        _file = null;
    }
}
