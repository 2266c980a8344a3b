using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Benchmarks;

/// <summary>
/// The texts the benchmarks run on: the English or the Chinese documents of the repository's
/// <c>corpus/</c> and the shared corpus beside the repository, concatenated (about 0.4 MB English,
/// 0.4 MB Chinese), so that the numbers move only when the code does.
/// </summary>
internal static class BenchmarkTexts
{
    public static string Load(string language)
    {
        var root = RepositoryRoot();
        var folders = new[] { Path.Combine(root, "corpus"), Path.Combine(root, "..", "shared", "corpus") };
        var texts = folders.Where(Directory.Exists)
            .SelectMany(folder => Directory.GetFiles(folder, "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(path => TextDecoder.Decode(File.ReadAllBytes(path), path).Text)
            .Where(text => LanguageGuesser.Guess(text) == language)
            .ToList();
        if (texts.Count == 0)
        {
            throw new InvalidOperationException($"no {language} texts under {string.Join(", ", folders)}");
        }

        return string.Join("\n\n", texts);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommonProsperity.Nlp.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("run the benchmarks from inside the repository");
    }
}
