namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Where the fixtures, the repository and the shared corpus are, wherever the tests run from.</summary>
internal static class TestPaths
{
    /// <summary>The fixtures copied next to the test assembly.</summary>
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The small mixed-language corpus.</summary>
    public static string MiniCorpus => Path.Combine(Fixtures, "MiniCorpus");

    /// <summary>The small lexicon used with it.</summary>
    public static string MiniLexicon => Path.Combine(Fixtures, "mini_lexicon.csv");

    /// <summary>The repository root (the folder with the solution file).</summary>
    public static string RepoRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommonProsperity.Nlp.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("cannot find CommonProsperity.Nlp.sln above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The read-only shared folder beside the repository (corpus, labels, codebook).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The fixtures folder in the source tree (where golden files are updated).</summary>
    public static string SourceFixtures => Path.Combine(RepoRoot, "tests", "CommonProsperity.Nlp.Tests", "Fixtures");
}
