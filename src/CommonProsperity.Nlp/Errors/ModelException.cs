namespace CommonProsperity.Nlp.Errors;

/// <summary>A model file that is missing, damaged, of another format version, or for other themes.</summary>
public sealed class ModelException(string problem, string path, string? fix = null, Exception? inner = null)
    : CommonProsperityException(problem, path, null, fix, inner);
