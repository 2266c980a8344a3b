namespace CommonProsperity.Nlp.Ingestion;

/// <summary>An input file found under an input path.</summary>
/// <param name="FullPath">The absolute path.</param>
/// <param name="RelativePath">The path relative to the input folder it was found in, with <c>/</c> (the file name for a file given directly).</param>
/// <param name="Root">The input folder (or the file's folder for a file given directly).</param>
public sealed record SourceFile(string FullPath, string RelativePath, string Root)
{
    /// <summary>The lower-case extension, without the dot.</summary>
    public string Extension => System.IO.Path.GetExtension(FullPath).TrimStart('.').ToLowerInvariant();
}
