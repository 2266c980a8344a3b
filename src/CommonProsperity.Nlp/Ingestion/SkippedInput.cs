namespace CommonProsperity.Nlp.Ingestion;

/// <summary>An input that was not analysed, and why (listed in the manifest and printed as a warning).</summary>
/// <param name="Path">The input, relative to its input folder where possible; <c>file#row</c> for a CSV row.</param>
/// <param name="Reason">The full message: what is wrong and how to fix it.</param>
public sealed record SkippedInput(string Path, string Reason);
