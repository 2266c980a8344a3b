using System.Globalization;
using System.Text;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// A corpus of plain-text documents made of random words (a few of them lexicon terms), big enough
/// for a run to take a second or two, and two lexicons that give different reports on it.
/// </summary>
internal static class GeneratedCorpus
{
    private static readonly string[] Filler =
        ["the", "of", "and", "to", "in", "a", "market", "policy", "reform", "growth", "province", "county", "budget", "plan",
         "year", "people", "work", "发展", "改革", "经济", "。", ",", "."];

    private static readonly string[] Terms = ["charity", "philanthropy", "inequality", "income gap", "共同富裕", "strict control", "party-state", "慈善"];

    /// <summary>Writes <paramref name="documents"/> files of <paramref name="words"/> words each into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int documents, int words, int seed = 7)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var d = 0; d < documents; d++)
        {
            text.Clear();
            for (var w = 0; w < words; w++)
            {
                text.Append(random.NextDouble() < 0.03 ? Terms[random.Next(Terms.Length)] : Filler[random.Next(Filler.Length)]).Append(' ');
            }

            File.WriteAllText(Path.Combine(folder, $"doc{d.ToString("D4", CultureInfo.InvariantCulture)}.txt"), text.ToString());
        }
    }

    /// <summary>The mini lexicon's themes with a different term list, so that its reports differ.</summary>
    public const string OtherLexicon = "theme,term\ninequality,income gap\ncontrol,party-state\nphilanthropy,charit*\nphilanthropy,慈善\neconomy,market\n";
}
