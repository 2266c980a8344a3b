namespace CommonProsperity.Nlp.Ingestion;

/// <summary>A data row of a <see cref="CsvTable"/>.</summary>
/// <param name="Line">The 1-based line where the row starts (the header is line 1).</param>
/// <param name="FieldCount">How many fields the row really had (ragged rows have fewer or more than the header).</param>
/// <param name="Fields">The fields, padded with empty strings to the header's width.</param>
internal sealed record CsvRow(long Line, int FieldCount, IReadOnlyList<string> Fields)
{
    /// <summary>The field at <paramref name="index"/>, or empty when the index is -1 or past the row.</summary>
    public string Get(int index) => index >= 0 && index < Fields.Count ? Fields[index] : string.Empty;
}
