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

    /// <summary>The year of <see cref="Date"/>, when it starts with four digits.</summary>
    public string? Year => Date is { Length: >= 4 } d && d.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9') is false ? d[..4] : null;

    /// <summary>The month of <see cref="Date"/> as <c>yyyy-MM</c>, when it has one.</summary>
    public string? Month => Date is { Length: >= 7 } d && Year is not null && d[4] == '-' && char.IsAsciiDigit(d[5]) && char.IsAsciiDigit(d[6]) ? d[..7] : null;
}
