using System.Globalization;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// What is known about a document besides its text: from a <c>sources.csv</c> beside it, or from the
/// other columns of a CSV row. Every field may be missing.
/// </summary>
/// <param name="Title">The title.</param>
/// <param name="Date">The date as written (ISO <c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or <c>yyyy</c> are understood for grouping).</param>
/// <param name="Publisher">The publisher or issuing body.</param>
/// <param name="Language">The language code (<c>en</c>, <c>zh</c>); guessed from the script when not given.</param>
/// <param name="Extra">Any other metadata columns, by column name, in column order.</param>
public sealed record DocumentMetadata(
    string? Title,
    string? Date,
    string? Publisher,
    string? Language,
    IReadOnlyList<KeyValuePair<string, string>> Extra)
{
    /// <summary>Metadata with nothing known.</summary>
    public static DocumentMetadata Empty { get; } = new(null, null, null, null, []);

    /// <summary>
    /// The year of <see cref="Date"/> when it is a real ISO date (<c>yyyy-MM-dd</c>, <c>yyyy-MM</c> or
    /// <c>yyyy</c>); a date such as <c>2021-13-45</c>, <c>2021-02-30</c> or <c>2021-00</c> has no year, so it
    /// is left out of year groups rather than counted under a year it may not belong to.
    /// </summary>
    public string? Year => SourcesCatalog.ParseIsoDate(Date) is { } parsed ? parsed.Date.ToString("yyyy", CultureInfo.InvariantCulture) : null;

    /// <summary>The month of <see cref="Date"/> as <c>yyyy-MM</c>, when it is a real ISO date with a month.</summary>
    public string? Month => SourcesCatalog.ParseIsoDate(Date) is { HasMonth: true } parsed ? parsed.Date.ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;
}
