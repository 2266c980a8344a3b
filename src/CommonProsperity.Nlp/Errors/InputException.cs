namespace CommonProsperity.Nlp.Errors;

/// <summary>
/// An input document (or a row of one) that cannot be read: unsupported, empty, undecodable or
/// malformed. In a batch it skips that input only.
/// </summary>
public sealed class InputException(string problem, string path, long? line = null, string? fix = null, Exception? inner = null)
    : CommonProsperityException(problem, path, line, fix, inner);
