namespace CommonProsperity.Nlp.Output;

/// <summary>A value recorded by a shard with the index of the input file it came from, so that a merge can put it back in the order of a single run.</summary>
/// <typeparam name="T">The value's type.</typeparam>
/// <param name="File">The file's index in the run's full list of files.</param>
/// <param name="Value">The value.</param>
internal readonly record struct FileTagged<T>(int File, T Value);
