using System.Reflection;
using System.Text;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// The input formats: every <see cref="IDocumentReader"/> of the library, found by reflection, so that a new
/// format is its reader (extensions, name, notes and reading) and its test, with nothing to register. The
/// readers are listed by format name; <see cref="DocumentSource"/> reads with them, and the inputs' <c>--help</c>
/// line (<see cref="DocumentSource.ReadableExtensions"/>) and the format table of docs/analyze.md (<see cref="Markdown"/>, checked
/// by a test and rewritten with <c>CPNLP_UPDATE_DOCS=1</c>) are made from them.
/// </summary>
internal static class InputFormats
{
    /// <summary>The line before the generated format table in docs/analyze.md.</summary>
    public const string Begin = "<!-- Generated from the document readers (src/CommonProsperity.Nlp/Ingestion/*Reader.cs) by InputFormats; a test checks it is current (CPNLP_UPDATE_DOCS=1 rewrites it). -->";

    /// <summary>The line after it.</summary>
    public const string End = "<!-- End of the generated format table. -->";

    private static readonly Type[] ReaderTypes =
    [
        .. typeof(IDocumentReader).Assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && typeof(IDocumentReader).IsAssignableFrom(t)),
    ];

    /// <summary>The readers with their default options, by format name.</summary>
    public static IReadOnlyList<IDocumentReader> All { get; } = Readers(new IngestionOptions());

    /// <summary>
    /// One reader per format, by format name, made for <paramref name="options"/>: a reader's constructor takes the
    /// <see cref="IngestionOptions"/> or nothing.
    /// </summary>
    public static IReadOnlyList<IDocumentReader> Readers(IngestionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            .. ReaderTypes
                .Select(t => (IDocumentReader)(t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, [typeof(IngestionOptions)]) is { } withOptions
                    ? withOptions.Invoke([options])
                    : Activator.CreateInstance(t, nonPublic: true)!))
                .OrderBy(r => r.Format, StringComparer.Ordinal),
        ];
    }

    /// <summary>The format table of docs/analyze.md, between <see cref="Begin"/> and <see cref="End"/>, with LF line ends.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append(Begin).Append('\n').Append('\n');
        text.Append("| format | extensions | how it is read |\n|---|---|---|\n");
        foreach (var reader in All)
        {
            text.Append("| ").Append(reader.Format).Append(" | ").AppendJoin(' ', reader.Extensions.Select(e => "`." + e + "`")).Append(" | ").Append(reader.Notes.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }

        text.Append('\n').Append(End).Append('\n');
        return text.ToString();
    }
}
