namespace CommonProsperity.Nlp.Errors;

/// <summary>A lexicon file (CSV or LIWC .dic) that breaks the format; the run stops before any counting.</summary>
public sealed class LexiconException(string problem, string path, long? line = null, string? fix = null)
    : CommonProsperityException(problem, path, line, fix);
