using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// jieba's files beside the program and the words the project adds to its dictionary: shared by the
/// word counts (<see cref="ChineseWordCounter"/>) and the discovery commands' segmenter, so that both
/// cut Chinese alike.
/// </summary>
internal static class JiebaResources
{
    /// <summary>The folder, beside the assembly, that holds jieba's dictionary and HMM tables.</summary>
    public const string Folder = "jieba";

    /// <summary>The built-in lexicon's Chinese terms of two or more characters, in order: the words added to jieba's dictionary.</summary>
    public static IEnumerable<string> LexiconWords() =>
        DefaultLexicon.Instance.Terms.Select(t => t.Term).Where(t => t.Length >= 2 && t.All(c => CharClass.IsHan(c)));

    /// <summary>The folder of jieba's dictionary and HMM tables beside the program.</summary>
    public static string Find()
    {
        string?[] candidates =
        [
            Path.GetDirectoryName(typeof(JiebaResources).Assembly.Location),
            AppContext.BaseDirectory,
        ];
        foreach (var directory in candidates)
        {
            if (string.IsNullOrEmpty(directory))
            {
                continue;
            }

            var folder = Path.Combine(directory, Folder);
            if (File.Exists(Path.Combine(folder, "dict.txt")))
            {
                return folder;
            }
        }

        throw new CommonProsperityException($"the Chinese word dictionary (jieba/dict.txt) is missing beside the program in {AppContext.BaseDirectory}.",
            fix: "Reinstall or rebuild the tool; the build copies jieba.NET's dictionary into a 'jieba' folder next to CommonProsperity.Nlp.dll.");
    }
}
