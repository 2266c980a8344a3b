using System.Globalization;
using System.Security.Cryptography;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.FileSystem;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// Finds the documents under a set of input paths and reads them one at a time, in a stable order
/// (inputs as given; within a folder, by relative path). A file that cannot be read is skipped with a
/// message naming it, and the batch goes on: every problem goes to the <see cref="IProblemSink"/> the
/// caller passes in. Folders and files whose names start with a dot, the
/// run's own output, folders holding an earlier run's reports, symbolic links out of the input folders
/// (unless <see cref="IngestionOptions.FollowSymlinks"/>), anything but regular files, and second names
/// of a file already read (links, loops) are passed over; a <c>sources.csv</c> attaches metadata to
/// the documents beside and below it.
/// </summary>
public sealed class DocumentSource
{
    private readonly IngestionOptions _options;
    private readonly Dictionary<string, IDocumentReader> _readers = new(StringComparer.Ordinal);
    private readonly List<InputFileRecord> _inputs = [];
    private readonly Dictionary<string, SourcesCatalog> _catalogs = new(StringComparer.Ordinal);

    private readonly Func<string, byte[]> _readAllBytes;

    /// <summary>Creates a source with the built-in readers (<see cref="InputFormats"/>: txt, md, html, pdf, csv).</summary>
    public DocumentSource(IngestionOptions options)
        : this(options, null)
    {
    }

    /// <summary>Creates a source that reads files through <paramref name="readAllBytes"/> (tests use it to simulate failures).</summary>
    internal DocumentSource(IngestionOptions options, Func<string, byte[]>? readAllBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Validate();
        _readAllBytes = readAllBytes ?? (path => InputFile.ReadAll(path, _options.MaxFileBytes));
        foreach (var reader in InputFormats.Readers(_options))
        {
            foreach (var extension in reader.Extensions)
            {
                _readers[extension] = reader;
            }
        }
    }

    /// <summary>The extensions (without the dot) the readers read, format by format in the order of their names (<see cref="InputFormats"/>), as the inputs' help lists them.</summary>
    public static IReadOnlyList<string> ReadableExtensions { get; } = [.. InputFormats.All.SelectMany(r => r.Extensions)];

    /// <summary>The extensions this source reads.</summary>
    public IReadOnlyCollection<string> Extensions => _readers.Keys;

    /// <summary>The files read so far by <see cref="Read"/>, for the manifest.</summary>
    internal IReadOnlyList<InputFileRecord> Inputs => _inputs;

    /// <summary>
    /// Lists the files under <paramref name="inputs"/> (files or folders, recursively). Inputs that do
    /// not exist, and files of unsupported types, are reported to <paramref name="problems"/>.
    /// </summary>
    public IReadOnlyList<SourceFile> Discover(IEnumerable<string> inputs, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(problems);
        var listing = new Listing(this, problems);
        foreach (var input in inputs)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(input));
            if (listing.Examine(full, input, followLink: true) is not { } status)
            {
                continue;
            }

            switch (status.Kind)
            {
                case FileKind.Regular:
                    listing.AddFile(new SourceFile(full, Path.GetFileName(full), Path.GetDirectoryName(full)!), status, listing.Files);
                    break;
                case FileKind.Directory:
                    var found = new List<SourceFile>();
                    listing.Walk(full, FileStatus.RealPath(full) ?? full, full, status, found);
                    found.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
                    listing.Files.AddRange(found);
                    break;
                case FileKind.Missing:
                    problems.Report(Problem.Skipped(input, $"{input}: no such file or folder.", "Check the path (relative paths start from the current folder)."));
                    break;
                default:
                    problems.Report(NotRegular(input, status.Kind));
                    break;
            }
        }

        return listing.Files;
    }

    /// <summary>
    /// Refuses an output (folder or file) that is one of the <paramref name="inputs"/> or inside one:
    /// its reports would be read as documents by the next run.
    /// </summary>
    /// <exception cref="OptionsException">The output is inside an input.</exception>
    public static void RefuseOutputInside(IEnumerable<string> inputs, string output)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(output);
        var real = FileStatus.RealPathOfNearest(output);
        foreach (var input in inputs)
        {
            if (FileStatus.RealPath(input) is { } inputReal && FileStatus.IsWithin(real, inputReal))
            {
                throw new OptionsException($"the output {output} is {(real == inputReal ? "the input" : "inside the input")} {input}, so the reports would be read as documents by the next run.",
                    Wording.Of($"Give {OptionName.OutputFolder} a place outside the inputs, for example a 'reports' folder beside the input folder."));
            }
        }
    }

    /// <summary>
    /// Reads the files one by one and yields their documents. A file that fails is reported to
    /// <paramref name="problems"/> with the reason; documents it gave before failing are kept. Each document
    /// holds its text (a large PDF's, written to a temporary file as it is extracted, is read back and the file
    /// deleted before the document is yielded), so nothing is left to release.
    /// </summary>
    public IEnumerable<Document> Read(IReadOnlyList<SourceFile> files, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(problems);
        return ReadSpooled(files, problems, cancellationToken).Select(document => document.Held());
    }

    /// <summary>
    /// <see cref="Read"/>, a large PDF's text left in its temporary file (<see cref="Document.IsStreamed"/>):
    /// the caller releases each such document with <see cref="Document.ReturnText"/> once done with it.
    /// </summary>
    internal IEnumerable<Document> ReadSpooled(IReadOnlyList<SourceFile> files, IProblemSink problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Streams(file))
            {
                foreach (var document in ExtractStreamed(file, problems, _inputs.Add, cancellationToken))
                {
                    yield return document;
                }

                continue;
            }

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
    internal LoadedFile? Load(SourceFile file, IProblemSink problems)
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
    /// True when <paramref name="file"/> is a plain-text file (<c>.txt</c>, <c>.md</c>) of more than
    /// <paramref name="bytes"/> bytes, which a caller may read as a stream (<see cref="StreamedTextFile"/>)
    /// instead of with <see cref="Load"/>; such a file is not held to <see cref="IngestionOptions.MaxFileBytes"/>.
    /// False also when its size cannot be found (<see cref="Load"/> then reports why).
    /// </summary>
    internal bool IsLargePlainText(SourceFile file, long bytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _readers.GetValueOrDefault(file.Extension) is PlainTextReader && IsRegularFileOver(file, bytes);
    }

    /// <summary>
    /// True when <paramref name="file"/> is a CSV, plain-text or HTML file of more than <see cref="IngestionOptions.StreamedFileBytes"/>
    /// bytes, which is read as it streams in (<see cref="ExtractStreamed"/>) instead of held whole: a CSV
    /// file's rows are parsed as they come, a plain-text file's document keeps its text in the file
    /// (<see cref="Document.IsStreamed"/>), an HTML page is parsed in pieces and its text written to a temporary file, a
    /// PDF is read by PdfPig from the file (not from a copy of its bytes) and its text written to a temporary file. False also when its size cannot be found (<see cref="Load"/> then reports why).
    /// </summary>
    internal bool Streams(SourceFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return _readers.GetValueOrDefault(file.Extension) is CsvDocumentReader or PlainTextReader or HtmlReader or PdfReader
            && IsRegularFileOver(file, _options.StreamedFileBytes);
    }

    /// <summary>True when <paramref name="file"/> is a regular file of more than <paramref name="bytes"/> bytes; false also when its size cannot be found.</summary>
    private static bool IsRegularFileOver(SourceFile file, long bytes)
    {
        try
        {
            return FileStatus.Of(file.FullPath) is { Kind: FileKind.Regular } status && status.Size > bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotARegularFileException)
        {
            return false;
        }
    }

    /// <summary>
    /// <see cref="Load"/> and <see cref="Extract"/> of a file whose rows stream in (<see cref="Streams"/>):
    /// the same documents, problems and manifest entry, without holding the file or its text whole. The file
    /// is read once to hash it and decide its encoding (<see cref="StreamedTextFile"/>), then its rows are
    /// parsed as they are asked for. Enumerate it on the calling thread, in input order (it finds the file's metadata).
    /// </summary>
    internal IEnumerable<Document> ExtractStreamed(SourceFile file, IProblemSink problems, Action<InputFileRecord> completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(completed);
        if (!TryReadBytes(file, problems, out _, read: false))
        {
            yield break;
        }

        var metadata = FindMetadata(file, problems);
        if (_readers[file.Extension] is PdfReader pdf)
        {
            foreach (var document in ExtractStreamedPdf(file, pdf, metadata, problems, completed, cancellationToken))
            {
                yield return document;
            }

            yield break;
        }

        var sha256 = string.Empty;
        long length = 0;
        StreamedTextFile? text = null;
        try
        {
            text = StreamedTextFile.Inspect(file, out sha256, out length, cancellationToken, _options.GivenEncoding, html: _readers[file.Extension] is HtmlReader);
        }
        catch (InputException e)
        {
            problems.Report(Problem.Skipped(file.RelativePath, e, string.Empty));
            completed(new InputFileRecord(file.RelativePath, length, sha256, file.Extension, string.Empty, 0, null));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(CannotRead(file, e));
        }

        if (text is null)
        {
            yield break;
        }

        IEnumerable<Document> read = _readers[file.Extension] switch
        {
            CsvDocumentReader rows => rows.Read(text, metadata, problems, cancellationToken),
            HtmlReader html => html.Read(text, metadata, cancellationToken),
            _ => [new Document(file.RelativePath, text, metadata, PlainTextReader.FormatOf(file))],
        };
        var documents = Documents(file, read, problems,
            (encoding, by, produced) => completed(new InputFileRecord(file.RelativePath, length, sha256, file.Extension, encoding, produced, by)));
        foreach (var document in documents)
        {
            yield return document;
        }
    }

    /// <summary>
    /// <see cref="ExtractStreamed"/> of a PDF: the file is hashed as it is read once, then PdfPig reads it from the same
    /// open file (as it needs, not a copy of its bytes); the same document and manifest entry as read whole.
    /// </summary>
    private static IEnumerable<Document> ExtractStreamedPdf(SourceFile file, PdfReader pdf, DocumentMetadata metadata, IProblemSink problems,
        Action<InputFileRecord> completed, CancellationToken cancellationToken)
    {
        FileStream? stream = null;
        var sha256 = string.Empty;
        try
        {
            stream = InputFile.OpenRead(file.FullPath);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
            stream.Position = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stream?.Dispose();
            problems.Report(CannotRead(file, e));
            yield break;
        }

        using (stream)
        {
            var length = stream.Length;
            var documents = Documents(file, pdf.Read(file, stream, metadata, cancellationToken), problems,
                (encoding, by, produced) => completed(new InputFileRecord(file.RelativePath, length, sha256, file.Extension, encoding, produced, by)));
            foreach (var document in documents)
            {
                yield return document;
            }
        }
    }

    /// <summary>The metadata a <c>sources.csv</c> gives <paramref name="file"/>, as <see cref="Load"/> finds it (call it in input order, on one thread).</summary>
    internal DocumentMetadata MetadataOf(SourceFile file, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(problems);
        return FindMetadata(file, problems);
    }

    /// <summary>
    /// The second half of <see cref="Read"/> for one file: decodes and parses it and yields its
    /// documents (the language guessed where the metadata does not give it). Records and documents that
    /// cannot be used are reported to <paramref name="problems"/>. When the documents end,
    /// <paramref name="completed"/> gets the file's manifest entry. Thread-safe: files may be extracted
    /// on several threads at once, each with its own sink. With <paramref name="pooledText"/>, a plain-text
    /// file's document keeps its text in a pooled buffer (<see cref="Document.Content"/>), which the caller
    /// hands back with <see cref="Document.ReturnText"/> when done with it; other formats give strings.
    /// </summary>
    internal IEnumerable<Document> Extract(LoadedFile loaded, IProblemSink problems, Action<InputFileRecord> completed, CancellationToken cancellationToken, bool pooledText = false)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(completed);
        var (file, bytes, metadata) = loaded;
        var reader = _readers[file.Extension];
        var documents = pooledText && reader is PlainTextReader ? PlainTextReader.ReadPooled(file, bytes, metadata, _options.GivenEncoding) : reader.Read(file, bytes, metadata, problems, cancellationToken);
        return Documents(file, documents, problems, (encoding, by, produced) => completed(new InputFileRecord(file.RelativePath, bytes.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Extension, encoding, produced, by)));
    }

    /// <summary>
    /// The documents a reader made of <paramref name="file"/>, those without text reported and left out and
    /// the language guessed where the metadata does not give it; a file that fails part way is reported
    /// with how many documents came before. At the end <paramref name="completed"/> gets the encoding, how
    /// it was decided and the number of documents.
    /// </summary>
    private static IEnumerable<Document> Documents(SourceFile file, IEnumerable<Document> read, IProblemSink problems, Action<string, string?, int> completed)
    {
        var produced = 0;
        using var documents = read.GetEnumerator();
        var encoding = "";
        string? encodingBy = null;
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
                problems.Report(Problem.Skipped(file.RelativePath, e, note));
                break;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Only a file that streams in is still being read here.
                var note = produced > 0 ? $" The {produced} document(s) before it were analysed." : string.Empty;
                problems.Report(Problem.CannotRead(file.RelativePath, e, note));
                break;
            }

            encoding = document.Encoding;
            encodingBy = document.EncodingBy;
            if (Examined(document, problems) is not { } examined)
            {
                document.ReturnText();
                continue;
            }

            produced++;
            yield return examined;
        }

        completed(encoding, encodingBy, produced);
    }

    /// <summary>
    /// <paramref name="document"/> with its language guessed where the metadata does not give it; null, with
    /// the problem reported, when it has no text or (a text that stays in its file, read here for the
    /// first time) cannot be read.
    /// </summary>
    private static Document? Examined(Document document, IProblemSink problems)
    {
        try
        {
            if (document.IsStreamed ? !HasText(document) : document.Content.Span.IsWhiteSpace())
            {
                problems.Report(Problem.Skipped(document.Id, $"{document.Id}: the document has no text{(document.Format == "html" ? " visible on the page" : string.Empty)}.",
                    "Remove it or check that it is the right file."));
                return null;
            }

            return document.Metadata.Language is not null
                ? document
                : document with { Metadata = document.Metadata with { Language = LanguageGuesser.Guess(document.IsStreamed ? Start(document) : document.Content.Span) } };
        }
        catch (InputException e)
        {
            problems.Report(Problem.Skipped(document.Id, e));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(Problem.Skipped(document.Id, $"{document.Id}: cannot read the document's text ({e.Message}).", "Check that it exists and that you may read it."));
            return null;
        }
    }

    /// <summary>Whether the text of a document that stays in its file has a character other than white space (read up to the first).</summary>
    private static bool HasText(Document document)
    {
        using var reader = document.OpenText();
        var chunk = new char[1 << 16];
        int read;
        while ((read = reader.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (!chunk.AsSpan(0, read).IsWhiteSpace())
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The start of a document that stays in its file: as many characters as <see cref="LanguageGuesser.Guess"/> reads.</summary>
    private static string Start(Document document)
    {
        using var reader = document.OpenText();
        var start = new char[LanguageGuesser.SampleCharacters];
        var length = reader.ReadBlock(start, 0, start.Length);
        return new string(start, 0, length);
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
    /// <remarks>
    /// When every file was skipped for the same fix (the temporary folder cannot be used, say), that fix is
    /// the error's, said once: the cause is then the machine's, not the files'.
    /// </remarks>
    public static CommonProsperityException NoneRead(int files, IEnumerable<Problem> skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        var problems = skipped.ToList();
        if (problems.Count > 0 && problems[0].Remedy is { } fix && problems.All(p => p.Remedy == fix))
        {
            return new CommonProsperityException(
                string.Create(CultureInfo.InvariantCulture, $"none of the {files} input file(s) could be analysed, all for the same reason: {string.Join(" ", problems.Select(s => s.WithoutRemedy))}"),
                fix: fix);
        }

        return new CommonProsperityException(
            string.Create(CultureInfo.InvariantCulture, $"none of the {files} input file(s) could be analysed: {string.Join(" ", problems.Select(s => s.Text))}"),
            fix: "Fix or remove the files named above.");
    }

    /// <summary>Reads <paramref name="file"/> whole (or, with <paramref name="read"/> false, only checks that it may be read: there, regular, not empty, within the limit); false, with the problem reported, when it cannot be.</summary>
    private bool TryReadBytes(SourceFile file, IProblemSink problems, out byte[] bytes, bool read = true)
    {
        bytes = [];
        try
        {
            var status = FileStatus.Of(file.FullPath);
            if (status.Kind == FileKind.Missing)
            {
                problems.Report(Undecodable(file.RelativePath)
                    ?? Problem.Skipped(file.RelativePath, $"{file.RelativePath}: the file disappeared before it could be read.", "Run again once the folder is stable."));
                return false;
            }

            if (status.Kind != FileKind.Regular)
            {
                problems.Report(NotRegular(file.RelativePath, status.Kind));
                return false;
            }

            if (status.Size > _options.MaxFileBytes)
            {
                problems.Report(Problem.Skipped(file.RelativePath, string.Create(CultureInfo.InvariantCulture,
                    $"{file.RelativePath}: the file is {status.Size:N0} bytes, more than the limit of {_options.MaxFileBytes:N0}."), "Split it into smaller files."));
                return false;
            }

            if (status.Size == 0)
            {
                problems.Report(Empty(file));
                return false;
            }

            if (!read)
            {
                return true;
            }

            bytes = _readAllBytes(file.FullPath);
        }
        catch (NotARegularFileException e)
        {
            problems.Report(NotRegular(file.RelativePath, e.Kind));
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Report(CannotRead(file, e));
            return false;
        }

        if (bytes.Length == 0)
        {
            problems.Report(Empty(file));
            return false;
        }

        return true;
    }

    private static Problem CannotRead(SourceFile file, Exception e) =>
        TooLong(file.RelativePath, file.FullPath, e)
        ?? Problem.CannotRead(file.RelativePath, e);

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
        if (UsableCatalog(path, root, problems, _options.FollowSymlinks) is { } display)
        {
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

    /// <summary>The name to show for the <c>sources.csv</c> at <paramref name="path"/> if it may be read, else null (with a warning when it is there but may not be).</summary>
    private static string? UsableCatalog(string path, string root, IProblemSink problems, bool followSymlinks)
    {
        var display = Path.GetRelativePath(root, path).Replace('\\', '/');
        try
        {
            var link = FileStatus.Of(path, followLink: false);
            if (link.Kind == FileKind.SymbolicLink && !followSymlinks
                && !(FileStatus.RealPath(path) is { } real && FileStatus.IsWithin(real, FileStatus.RealPath(root) ?? root)))
            {
                problems.Report(Problem.Warning(display, $"{display}: a symbolic link to a file outside the input folder; its metadata was not used.", Wording.Of($"Add {OptionName.FollowSymlinks} to read it.")));
                return null;
            }

            var status = link.Kind == FileKind.SymbolicLink ? FileStatus.Of(path) : link;
            if (status.Kind is FileKind.Missing)
            {
                return null;
            }

            if (status.Kind != FileKind.Regular)
            {
                problems.Report(Problem.Warning(display, $"{display}: {FileStatus.Describe(status.Kind)}, not a regular file; its metadata was not used.", "Replace it with a CSV file."));
                return null;
            }

            return display;
        }
        catch (IOException e)
        {
            problems.Report(Problem.Warning(display, $"{display}: cannot read the metadata table ({e.Message}); its metadata was not used."));
            return null;
        }
    }

    private Problem Unsupported(string path) => Problem.Skipped(path,
        $"{path}: unsupported file type.",
        $"The readable types are {string.Join(", ", _readers.Keys.Order(StringComparer.Ordinal).Select(e => "." + e))}; convert it to one of them or move it out of the input folder.");

    private static Problem NotRegular(string path, FileKind kind) => Problem.Skipped(path,
        $"{path}: {FileStatus.Describe(kind)}, not a regular file; it was not read (only regular files are).", "Remove it from the input folder, or replace it with the file itself.");

    /// <summary>The message for a name that is not valid UTF-8 (the system gave it with U+FFFD in place of the bad bytes, so it cannot be opened by name), else null.</summary>
    private static Problem? Undecodable(string path) =>
        path.Contains('\uFFFD', StringComparison.Ordinal)
            ? Problem.Skipped(path, $"{path}: the file name is not valid UTF-8 (the bad bytes are shown as \uFFFD), so it cannot be opened by name; it was not read.",
                "Rename it to a UTF-8 name, for example with: convmv -f gbk -t utf-8 --notest FILE")
            : null;

    /// <summary>The message for a path longer than the system allows, else null.</summary>
    private static Problem? TooLong(string path, string fullPath, Exception e, bool folder = false) =>
        FileSystemError.IsTooLong(e)
            ? Problem.Skipped(path, string.Create(CultureInfo.InvariantCulture,
                $"{path}: the path is too long for the system ({System.Text.Encoding.UTF8.GetByteCount(fullPath):N0} bytes, or a name over 255 bytes); {(folder ? "the folder and everything in it were" : "it was")} not read."),
                "Move the folder higher up or shorten the folder and file names.")
            : null;

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    /// <summary>One listing of the inputs: what was found, what was seen (by device and inode), and what is excluded.</summary>
    private sealed class Listing
    {
        private readonly DocumentSource _source;
        private readonly IProblemSink _problems;
        private readonly HashSet<string> _excludedPaths;
        private readonly HashSet<string> _excludedFiles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _seenFiles = new(StringComparer.Ordinal);
        private readonly HashSet<string> _visitedFolders = new(StringComparer.Ordinal);

        public Listing(DocumentSource source, IProblemSink problems)
        {
            _source = source;
            _problems = problems;
            var excluded = source._options.ExcludeDirectories ?? [];
            _excludedPaths = excluded.Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d))).ToHashSet(StringComparer.Ordinal);
            foreach (var path in _excludedPaths)
            {
                try
                {
                    if (FileStatus.Of(path) is { Exists: true } status)
                    {
                        _excludedFiles.Add(Key(status, path));
                    }
                }
                catch (IOException)
                {
                    // Not there to be excluded by identity; the path still is.
                }
            }
        }

        public List<SourceFile> Files { get; } = [];

        /// <summary>The status of <paramref name="full"/>, or null (with the skip recorded) when it cannot be examined.</summary>
        public FileStatus? Examine(string full, string shown, bool followLink)
        {
            try
            {
                var status = FileStatus.Of(full, followLink);
                if (status.Kind == FileKind.Missing && Undecodable(shown) is { } undecodable)
                {
                    _problems.Report(undecodable);
                    return null;
                }

                return status;
            }
            catch (IOException e)
            {
                _problems.Report(TooLong(shown, full, e) ?? Problem.Skipped(shown, $"{shown}: cannot examine it ({e.Message}).", "Check that it exists and that you may read it."));
                return null;
            }
        }

        public void AddFile(SourceFile file, FileStatus status, List<SourceFile> found)
        {
            if (_excludedPaths.Contains(file.FullPath) || _excludedFiles.Contains(Key(status, file.FullPath)))
            {
                return;
            }

            if (!_source._readers.ContainsKey(file.Extension))
            {
                _problems.Report(_source.Unsupported(file.RelativePath));
                return;
            }

            if (!_seenFiles.TryAdd(Key(status, file.FullPath), file.RelativePath))
            {
                _problems.Report(Problem.Skipped(file.RelativePath,
                    $"{file.RelativePath}: the same file as {_seenFiles[Key(status, file.FullPath)]} (a link to it, or the same input given twice); it is read once."));
                return;
            }

            found.Add(file);
        }

        /// <summary>
        /// Lists the folder <paramref name="directory"/> of the input folder <paramref name="root"/> into
        /// <paramref name="found"/>: first the real files and folders of the whole tree, then the symbolic
        /// links, so that a link to something read already is the one passed over, never the real file.
        /// </summary>
        public void Walk(string root, string rootReal, string directory, FileStatus status, List<SourceFile> found)
        {
            var links = new List<(string Entry, string Relative)>();
            WalkReal(root, directory, status, found, links);
            for (var i = 0; i < links.Count; i++)
            {
                // A link may lead to a folder with links of its own: they join the end of the list.
                var (entry, relative) = links[i];
                var linked = FileStatus.Of(entry, followLink: false);
                if (Follow(entry, relative, rootReal, ref linked))
                {
                    Add(root, entry, relative, linked, found, links);
                }
            }
        }

        private void WalkReal(string root, string directory, FileStatus status, List<SourceFile> found, List<(string, string)> links)
        {
            if (!_visitedFolders.Add(Key(status, directory)))
            {
                _problems.Report(Problem.Skipped(Relative(root, directory), $"{Relative(root, directory)}: a symbolic link to a folder already read (a loop, or another name for it); it was not followed."));
                return;
            }

            string[] entries;
            try
            {
                entries = Directory.GetFileSystemEntries(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _problems.Report(TooLong(Relative(root, directory), directory, e, folder: true)
                    ?? Problem.Skipped(Relative(root, directory), $"{Relative(root, directory)}: cannot list the folder ({e.Message}).", "Check its permissions."));
                return;
            }

            Array.Sort(entries, StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (name.StartsWith('.') || string.Equals(name, SourcesCatalog.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    continue; // hidden, or metadata (read as such when a document beside it is)
                }

                var relative = Relative(root, entry);
                if (Examine(entry, relative, followLink: false) is not { } entryStatus)
                {
                    continue;
                }

                if (entryStatus.Kind == FileKind.SymbolicLink)
                {
                    links.Add((entry, relative));
                    continue;
                }

                Add(root, entry, relative, entryStatus, found, links);
            }
        }

        private void Add(string root, string entry, string relative, FileStatus status, List<SourceFile> found, List<(string, string)> links)
        {
            switch (status.Kind)
            {
                case FileKind.Directory:
                    if (_excludedPaths.Contains(entry) || _excludedFiles.Contains(Key(status, entry)))
                    {
                        return;
                    }

                    if (HoldsReports(entry))
                    {
                        _problems.Report(Problem.Skipped(relative, $"{relative}: holds the reports of an earlier cpnlp run (manifest.json); they were not read as documents.", "Move the reports out of the input folder."));
                        return;
                    }

                    WalkReal(root, entry, status, found, links);
                    break;
                case FileKind.Regular:
                    AddFile(new SourceFile(entry, relative, root), status, found);
                    break;
                case FileKind.Missing:
                    break; // gone since the listing
                default:
                    _problems.Report(NotRegular(relative, status.Kind));
                    break;
            }
        }

        /// <summary>
        /// For a symbolic link: whether to follow it (inside the input folder, or anywhere with the option
        /// to follow links), with <paramref name="status"/> then that of its target; other entries pass as they are.
        /// </summary>
        private bool Follow(string entry, string relative, string rootReal, ref FileStatus status)
        {
            if (status.Kind != FileKind.SymbolicLink)
            {
                return true;
            }

            if (FileStatus.RealPath(entry) is not { } real)
            {
                _problems.Report(Problem.Skipped(relative, $"{relative}: a symbolic link to nothing (its target is missing, or the links loop); it was not followed.", "Remove the link or make it point to a file."));
                return false;
            }

            if (!_source._options.FollowSymlinks && !FileStatus.IsWithin(real, rootReal))
            {
                _problems.Report(Problem.Skipped(relative, $"{relative}: a symbolic link to {real}, outside the input folder; it was not followed.", Wording.Of($"To read files that links point to outside the inputs, add {OptionName.FollowSymlinks}.")));
                return false;
            }

            return Examine(entry, relative, followLink: true) is { } target && (status = target).Exists;
        }

        /// <summary>Whether <paramref name="folder"/> holds a cpnlp manifest (the reports of a run).</summary>
        private static bool HoldsReports(string folder)
        {
            var manifest = Path.Combine(folder, ReportFiles.Manifest);
            try
            {
                if (FileStatus.Of(manifest).Kind != FileKind.Regular)
                {
                    return false;
                }

                using var stream = new FileStream(manifest, FileMode.Open, FileAccess.Read);
                var head = new byte[256];
                var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                return System.Text.RegularExpressions.Regex.IsMatch(System.Text.Encoding.UTF8.GetString(head, 0, n), @"^\s*\{\s*""tool""\s*:\s*""cpnlp""");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }

        /// <summary>A file's identity: device and inode where the system gives them, else its real path.</summary>
        private static string Key(FileStatus status, string path) =>
            status.Inode != 0 ? string.Create(CultureInfo.InvariantCulture, $"{status.Device}:{status.Inode}") : FileStatus.RealPath(path) ?? path;
    }
}
