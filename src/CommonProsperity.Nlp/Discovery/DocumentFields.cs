using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// The metadata fields documents can be grouped by: <c>language</c>, <c>publisher</c>, <c>year</c> and
/// <c>month</c> (of <c>date</c>), <c>date</c>, <c>title</c>, and any other column of <c>sources.csv</c> or of
/// a CSV input (by its name, with or without the <c>meta_</c> prefix the reports give it).
/// </summary>
internal static class DocumentFields
{
    /// <summary>The fields every document may have.</summary>
    public static IReadOnlyList<string> Standard { get; } = ["language", "publisher", "year", "month", "date", "title"];

    /// <summary>The value of <paramref name="field"/> for a document, or null when it has none.</summary>
    public static string? Value(DocumentMetadata metadata, string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field.Trim().ToLowerInvariant();
        var value = name switch
        {
            "language" or "lang" => metadata.Language,
            "publisher" => metadata.Publisher,
            "year" => metadata.Year,
            "month" => metadata.Month,
            "date" => metadata.Date,
            "title" => metadata.Title,
            _ => Extra(metadata, name.StartsWith("meta_", StringComparison.Ordinal) ? name["meta_".Length..] : name),
        };
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>
    /// Splits <paramref name="documents"/> into groups by the value of <paramref name="field"/>, in
    /// ordinal order of the values. Documents without a value are left out, with a warning.
    /// </summary>
    /// <param name="documents">The documents.</param>
    /// <param name="field">The field to group by.</param>
    /// <param name="warnings">Where the documents left out are told.</param>
    /// <param name="minimumGroups">Fewer groups than this is an error (2 for a comparison; 1 where a single group still says something).</param>
    /// <exception cref="OptionsException">No document has the field, or all have the same value where two groups are needed.</exception>
    public static IReadOnlyList<DocumentGroup> Group(IReadOnlyList<Document> documents, string field, ICollection<string> warnings, int minimumGroups = 2)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(warnings);
        var valued = documents.Select(d => (Document: d, Value: Value(d.Metadata, field))).ToList();
        var missing = valued.Count(v => v.Value is null);
        if (missing == valued.Count)
        {
            var available = Standard.Concat(documents.SelectMany(d => d.Metadata.Extra.Select(kv => kv.Key.ToLowerInvariant())))
                .Distinct(StringComparer.Ordinal)
                .Where(f => documents.Any(d => Value(d.Metadata, f) is not null));
            throw new OptionsException($"{OptionName.GroupBy} {field}: none of the {documents.Count} document(s) has a value for '{field}'.",
                $"Group by a field the documents have ({string.Join(", ", available)}), or add the column to sources.csv.");
        }

        if (missing > 0)
        {
            warnings.Add($"{missing} of {documents.Count} document(s) have no value for '{field}' and were left out: "
                + string.Join(", ", valued.Where(v => v.Value is null).Select(v => v.Document.Id).Take(5)) + (missing > 5 ? ", ..." : "") + ".");
        }

        var groups = valued.Where(v => v.Value is not null)
            .GroupBy(v => v.Value!, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new DocumentGroup(g.Key, g.Select(v => v.Document).ToList()))
            .ToList();
        if (groups.Count < minimumGroups)
        {
            throw new OptionsException($"{OptionName.GroupBy} {field}: every document has the value '{groups[0].Name}', so there is nothing to compare.",
                $"Group by another field, or compare with a second set of inputs ({OptionName.Versus}).");
        }

        return groups;
    }

    private static string? Extra(DocumentMetadata metadata, string name) =>
        metadata.Extra.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
