using System.Globalization;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// The metadata of a folder's <c>sources.csv</c> (columns as in the project's corpus: <c>file</c>, <c>title</c>,
/// <c>publisher</c>, <c>date</c>, <c>language</c>, and any others, which are carried into the reports).
/// Rows are matched to documents by the <c>file</c> column, relative to the folder.
/// </summary>
internal sealed class SourcesCatalog
{
    /// <summary>The file name that marks a metadata table instead of a document.</summary>
    public const string FileName = "sources.csv";

    private readonly Dictionary<string, DocumentMetadata> _byFile;

    private SourcesCatalog(Dictionary<string, DocumentMetadata> byFile) => _byFile = byFile;

    /// <summary>An empty catalog.</summary>
    public static SourcesCatalog Empty { get; } = new(new Dictionary<string, DocumentMetadata>(StringComparer.Ordinal));

    /// <summary>The number of documents described.</summary>
    public int Count => _byFile.Count;

    /// <summary>Loads a <c>sources.csv</c>. Problems with single rows become warnings; a file without a <c>file</c> column is an error.</summary>
    /// <exception cref="InputException">The file cannot be read or has no <c>file</c> column.</exception>
    public static SourcesCatalog Load(string path, string displayPath, ICollection<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        var table = CsvTable.Open(path, displayPath);
        var fileColumn = table.IndexOf("file");
        if (fileColumn < 0)
        {
            throw new InputException($"the metadata table has no 'file' column (columns: {string.Join(", ", table.Headers)}).", displayPath, 1,
                "Add a 'file' column with each document's file name, relative to this folder.");
        }

        var byFile = new Dictionary<string, DocumentMetadata>(StringComparer.Ordinal);
        foreach (var row in table.Rows())
        {
            var written = row.Get(fileColumn).Trim();
            if (written.Length == 0)
            {
                warnings.Add($"{displayPath}:{row.Line}: the 'file' column is empty; the row was passed over.");
                continue;
            }

            if (Normalize(written) is not { } file)
            {
                warnings.Add($"{displayPath}:{row.Line}: '{written}' points outside the folder holding {FileName} (an absolute path or '..'); the row was passed over. Name the file relative to this folder, for example 'a.txt' or 'sub/a.txt'.");
                continue;
            }

            string? title = null, date = null, publisher = null, language = null;
            var extra = new List<KeyValuePair<string, string>>();
            for (var c = 0; c < table.Headers.Count; c++)
            {
                if (c == fileColumn)
                {
                    continue;
                }

                var value = row.Get(c).Trim();
                switch (table.Headers[c].ToLowerInvariant())
                {
                    case "title": title = Nullable(value); break;
                    case "publisher": publisher = Nullable(value); break;
                    case "language" or "lang": language = Nullable(value)?.ToLowerInvariant(); break;
                    case "date":
                        date = Nullable(value);
                        if (date is not null && !IsIsoDate(date))
                        {
                            warnings.Add($"{displayPath}:{row.Line}: the date '{date}' is not yyyy-MM-dd, yyyy-MM or yyyy; it is kept as written but the document has no year for grouping. Write it as, for example, 2021-06-10.");
                        }

                        break;
                    default: extra.Add(new(table.Headers[c], value)); break;
                }
            }

            if (!byFile.TryAdd(file, new DocumentMetadata(title, date, publisher, language, extra)))
            {
                warnings.Add($"{displayPath}:{row.Line}: '{file}' is described twice; the first row is used.");
            }
            else if (!File.Exists(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, file)))
            {
                // A misspelt name would otherwise leave its document without metadata, silently.
                warnings.Add($"{displayPath}:{row.Line}: '{file}' names no file in this folder, so its metadata is not used. Correct the name (relative to the folder holding {FileName}) or delete the row.");
            }
        }

        return new SourcesCatalog(byFile);
    }

    /// <summary>The metadata for a file (path relative to the catalog's folder, with <c>/</c>), or empty.</summary>
    public DocumentMetadata Find(string relativePath) =>
        _byFile.TryGetValue(relativePath, out var metadata) ? metadata : DocumentMetadata.Empty;

    /// <summary>
    /// The <c>file</c> column as a path relative to the catalog's folder with <c>/</c> between parts and
    /// no <c>.</c> parts (<c>./a.txt</c> and <c>sub//a.txt</c> name <c>a.txt</c> and <c>sub/a.txt</c>);
    /// null when it is absolute or climbs out with <c>..</c>, since metadata only describes files inside.
    /// </summary>
    internal static string? Normalize(string written)
    {
        var path = written.Replace('\\', '/');
        if (path.StartsWith('/') || Path.IsPathRooted(path) || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':'))
        {
            return null;
        }

        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        return parts.Length == 0 || parts.Contains("..") ? null : string.Join('/', parts);
    }

    /// <summary>True when <paramref name="date"/> is yyyy, yyyy-MM or yyyy-MM-dd and a real date.</summary>
    public static bool IsIsoDate(string date) => ParseIsoDate(date) is not null;

    /// <summary>The date and whether it names a month, when <paramref name="date"/> is a real yyyy, yyyy-MM or yyyy-MM-dd date.</summary>
    internal static (DateTime Date, bool HasMonth)? ParseIsoDate(string? date)
    {
        if (date is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(date, ["yyyy-MM-dd", "yyyy-MM"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return (day, true);
        }

        return DateTime.TryParseExact(date, "yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var year) ? (year, false) : null;
    }

    private static string? Nullable(string value) => value.Length == 0 ? null : value;
}
