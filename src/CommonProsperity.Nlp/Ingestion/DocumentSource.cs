using System.Globalization;
using System.Security.Cryptography;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Finds the documents under a set of input paths and reads them one at a time, in a stable order
/// (inputs as given; within a folder, by relative path). A file that cannot be read is skipped with a
/// message naming it, and the batch goes on: every problem goes to the <see cref="IProblemSink"/> the
/// caller passes in. Folders and files whose names start with a dot, the
/// output folder and symbolic-link loops are passed over; a <c>sources.csv</c> attaches metadata to
/// the documents beside and below it.
/// </summary>
public sealed class DocumentSource
{
    private readonly IngestionOptions _options;
    private readonly Dictionary<string, IDocumentReader> _readers = new(StringComparer.Ordinal);
    private readonly List<InputFileRecord> _inputs = [];
    private readonly Dictionary<string, SourcesCatalog> _catalogs = new(StringComparer.Ordinal);

    private readonly Func<string, byte[]> _readAllBytes;

    /// <summary>Creates a source with the built-in readers (txt, md, html, pdf, csv).</summary>
    public DocumentSource(IngestionOptions options)
        : this(options, File.ReadAllBytes)
    {
    }

    /// <summary>Creates a source that reads files through <paramref name="readAllBytes"/> (tests use it to simulate failures).</summary>
    internal DocumentSource(IngestionOptions options, Func<string, byte[]> readAllBytes)
    {
        _readAllBytes = readAllBytes;
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        IDocumentReader[] readers = [new PlainTextReader(), new HtmlReader(), new PdfReader(), new CsvDocumentReader(options)];
        foreach (var reader in readers)
        {
            foreach (var extension in reader.Extensions)
            {
                _readers[extension] = reader;
            }
        }
    }

    /// <summary>The extensions this source reads.</summary>
    public IReadOnlyCollection<string> Extensions => _readers.Keys;

    /// <summary>The files read so far by <see cref="Read"/>, for the manifest.</summary>
    public IReadOnlyList<InputFileRecord> Inputs => _inputs;

    /// <summary>
    /// Lists the files under <paramref name="inputs"/> (files or folders, recursively). Inputs that do
    /// not exist, and files of unsupported types, are reported to <paramref name="problems"/>.
    /// </summary>
    public IReadOnlyList<SourceFile> Discover(IEnumerable<string> inputs, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(problems);
        var files = new List<SourceFile>();
        var excluded = (_options.ExcludeDirectories ?? []).Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).ToHashSet(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (File.Exists(full))
            {
                var root = Path.GetDirectoryName(full)!;
                var file = new SourceFile(full, Path.GetFileName(full), root);
                if (_readers.ContainsKey(file.Extension))
                {
                    files.Add(file);
                }
                else
                {
                    problems.Report(Unsupported(input));
                }
            }
            else if (Directory.Exists(full))
            {
                var found = new List<SourceFile>();
                var visited = new HashSet<string>(StringComparer.Ordinal);
                Walk(Path.TrimEndingDirectorySeparator(full), Path.TrimEndingDirectorySeparator(full), RealPath(full), visited, excluded, found, problems);
                found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
                files.AddRange(found);
            }
            else
            {
                problems.Report(Problem.Skipped(input, $"{input}: no such file or folder.", "Check the path (relative paths start from the current folder)."));
            }
        }

        return files;
    }

    /// <summary>
    /// Reads the files one by one and yields their documents. A file that fails is reported to
    /// <paramref name="problems"/> with the reason; documents it gave before failing are kept.
    /// </summary>
    public IEnumerable<Document> Read(IReadOnlyList<SourceFile> files, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Load(file, problems) is not { } loaded)
            {
                continue;
            }

            foreach (var document in Extract(loaded, problems, _inputs.Add, cancellationToken))
            {
                yield return document;
            }
        }
    }

    /// <summary>
    /// The first half of <see cref="Read"/> for one file: reads its bytes and finds its metadata, or
    /// reports it to <paramref name="problems"/> and returns null. Call it for the files in order, on one
    /// thread (it caches <c>sources.csv</c> catalogs, and reports their warnings to <paramref name="problems"/>
    /// when it first loads them).
    /// </summary>
    public LoadedFile? Load(SourceFile file, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        if (!TryReadBytes(file, problems, out var bytes))
        {
            return null;
        }

        return new LoadedFile(file, bytes, FindMetadata(file, problems));
    }

    /// <summary>
    /// The second half of <see cref="Read"/> for one file: decodes and parses it and yields its
    /// documents (the language guessed where the metadata does not give it). Records and documents that
    /// cannot be used are reported to <paramref name="problems"/>. When the documents end,
    /// <paramref name="completed"/> gets the file's manifest entry. Thread-safe: files may be extracted
    /// on several threads at once, each with its own sink.
    /// </summary>
    public IEnumerable<Document> Extract(LoadedFile loaded, IProblemSink problems, Action<InputFileRecord> completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(completed);
        var (file, bytes, metadata) = loaded;
        var reader = _readers[file.Extension];
        var produced = 0;
        using var documents = reader.Read(file, bytes, metadata, problems, cancellationToken).GetEnumerator();
        var encoding = "";
        while (true)
        {
            Document document;
            try
            {
                if (!documents.MoveNext())
                {
                    break;
                }

                document = documents.Current;
            }
            catch (InputException e)
            {
                var note = produced > 0 ? $" The {produced} document(s) before it were analysed." : string.Empty;
                problems.Report(Problem.Skipped(file.RelativePath, e.Message + note));
                break;
            }

            encoding = document.Encoding;
            if (string.IsNullOrWhiteSpace(document.Text))
            {
                problems.Report(Problem.Skipped(document.Id, $"{document.Id}: the document has no text{(document.Format == "html" ? " visible on the page" : string.Empty)}.",
                    "Remove it or check that it is the right file."));
                continue;
            }

            produced++;
            if (document.Metadata.Language is null)
            {
                document = document with { Metadata = document.Metadata with { Language = LanguageGuesser.Guess(document.Text) } };
            }

            yield return document;
        }

        completed(new InputFileRecord(file.RelativePath, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            file.Extension, encoding, produced));
    }

    /// <summary>The error for a run that found no file it can read under <paramref name="inputs"/>; <paramref name="skipped"/> says why.</summary>
    public CommonProsperityException NothingFound(IEnumerable<string> inputs, IEnumerable<Problem> skipped)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(skipped);
        var reasons = string.Concat(skipped.Select(s => " " + s.Text));
        return new CommonProsperityException($"no readable documents were found in {string.Join(", ", inputs)}.{reasons}",
            fix: $"Point the command at files or folders holding {string.Join(", ", Extensions.Order(StringComparer.Ordinal).Select(e => "." + e))} files.");
    }

    /// <summary>The error for a run whose <paramref name="files"/> input files were all skipped; <paramref name="skipped"/> says why.</summary>
    public static CommonProsperityException NoneRead(int files, IEnumerable<Problem> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return new CommonProsperityException(
            string.Create(CultureInfo.InvariantCulture, $"none of the {files} input file(s) could be analysed: {string.Join(" ", skipped.Select(s => s.Text))}"),
            fix: "Fix or remove the files named above.");
    }

    private bool TryReadBytes(SourceFile file, IProblemSink problems, out byte[] bytes)
    {
        bytes = [];
        try
        {
            var info = new FileInfo(file.FullPath);
            if (!info.Exists)
            {
                problems.Report(Problem.Skipped(file.RelativePath, $"{file.RelativePath}: the file disappeared before it could be read.", "Run again once the folder is stable."));
                return false;
            }

            if (info.Length > _options.MaxFileBytes)
            {
                problems.Report(Problem.Skipped(file.RelativePath, string.Create(CultureInfo.InvariantCulture,
                    $"{file.RelativePath}: the file is {info.Length:N0} bytes, more than the limit of {_options.MaxFileBytes:N0}."), "Split it into smaller files."));
                return false;
            }

            if (info.Length == 0)
            {
                // Also keeps named pipes and device files (size 0) from blocking the run.
                problems.Report(Empty(file));
                return false;
            }

            bytes = _readAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(Problem.Skipped(file.RelativePath, $"{file.RelativePath}: cannot read the file ({e.Message}).", "Check that it exists and that you may read it."));
            return false;
        }

        if (bytes.Length == 0)
        {
            problems.Report(Empty(file));
            return false;
        }

        return true;
    }

    private static Problem Empty(SourceFile file) =>
        Problem.Skipped(file.RelativePath, $"{file.RelativePath}: the file is empty.", "Remove it or check that it is the right file.");

    private DocumentMetadata FindMetadata(SourceFile file, IProblemSink problems)
    {
        // The nearest sources.csv at or above the file's folder, up to the input root, wins.
        var directory = Path.GetDirectoryName(file.FullPath)!;
        while (true)
        {
            var catalog = Catalog(directory, file.Root, problems);
            if (catalog.Count > 0)
            {
                var relative = Path.GetRelativePath(directory, file.FullPath).Replace('\\', '/');
                var metadata = catalog.Find(relative);
                if (!ReferenceEquals(metadata, DocumentMetadata.Empty))
                {
                    return metadata;
                }
            }

            if (string.Equals(directory, file.Root, StringComparison.Ordinal) || Path.GetDirectoryName(directory) is not { } parent)
            {
                return DocumentMetadata.Empty;
            }

            directory = parent;
        }
    }

    private SourcesCatalog Catalog(string directory, string root, IProblemSink problems)
    {
        if (_catalogs.TryGetValue(directory, out var catalog))
        {
            return catalog;
        }

        var path = Path.Combine(directory, SourcesCatalog.FileName);
        catalog = SourcesCatalog.Empty;
        if (File.Exists(path))
        {
            var display = Path.GetRelativePath(root, path).Replace('\\', '/');
            var warnings = new List<string>();
            try
            {
                catalog = SourcesCatalog.Load(path, display, warnings);
            }
            catch (InputException e)
            {
                warnings.Add(e.Message + " Its metadata was not used.");
            }

            foreach (var warning in warnings)
            {
                problems.Report(Problem.Warning(display, warning));
            }
        }

        _catalogs[directory] = catalog;
        return catalog;
    }

    private void Walk(string root, string directory, string realPath, HashSet<string> visited, HashSet<string> excluded,
        List<SourceFile> found, IProblemSink problems)
    {
        if (!visited.Add(realPath))
        {
            problems.Report(Problem.Skipped(Relative(root, directory), $"{Relative(root, directory)}: a symbolic link leads back to a folder already read (a loop); it was not followed."));
            return;
        }

        string[] entries;
        try
        {
            entries = Directory.GetFileSystemEntries(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(Problem.Skipped(Relative(root, directory), $"{Relative(root, directory)}: cannot list the folder ({e.Message}).", "Check its permissions."));
            return;
        }

        Array.Sort(entries, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.'))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                if (excluded.Contains(Path.GetFullPath(entry)))
                {
                    continue;
                }

                Walk(root, entry, RealPath(entry), visited, excluded, found, problems);
                continue;
            }

            var relative = Relative(root, entry);
            if (string.Equals(name, SourcesCatalog.FileName, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var file = new SourceFile(entry, relative, root);
            if (_readers.ContainsKey(file.Extension))
            {
                found.Add(file);
            }
            else
            {
                problems.Report(Unsupported(relative));
            }
        }
    }

    private Problem Unsupported(string path) => Problem.Skipped(path,
        $"{path}: unsupported file type.",
        $"The readable types are {string.Join(", ", _readers.Keys.Order(StringComparer.Ordinal).Select(e => "." + e))}; convert it to one of them or move it out of the input folder.");

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    private static string RealPath(string directory)
    {
        try
        {
            var info = new DirectoryInfo(directory);
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            return Path.TrimEndingDirectorySeparator(target?.FullName ?? info.FullName);
        }
        catch (IOException)
        {
            return directory;
        }
    }
}
