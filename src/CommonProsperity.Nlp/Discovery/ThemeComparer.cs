using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Theme frequencies per group of documents and whether they differ more than chance would make them.
/// The tests treat every token as an independent draw, which documents are not (a theme clusters in the
/// documents about it), so with few documents read the p-values as a screen, not as proof.
/// </summary>
internal static class ThemeComparer
{
    /// <summary>Compares each theme across <paramref name="groups"/> (document summaries, at least two groups).</summary>
    public static IReadOnlyList<ThemeGroupComparison> Compare(IReadOnlyList<(string Name, IReadOnlyList<DocumentSummary> Documents)> groups, IReadOnlyList<string> themes)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(themes);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups.Count, 2);
        var rows = new List<ThemeGroupComparison>();
        for (var t = 0; t < themes.Count; t++)
        {
            var tallies = groups.Select(g => ThemeGroupTally.Of(g.Documents.ToList(), t)).ToList();
            var chi2 = TwoByK(tallies.Select(x => x.Hits).ToList(), tallies.Select(x => x.Tokens - x.Hits).ToList());
            var df = groups.Count - 1;
            var p = ChiSquare.UpperTail(chi2, df);
            long allHits = tallies.Sum(x => x.Hits), allTokens = tallies.Sum(x => x.Tokens);
            for (var g = 0; g < groups.Count; g++)
            {
                var own = tallies[g];
                var versus = own.Tokens > 0 && allTokens - own.Tokens > 0
                    ? KeynessScore.Compute(own.Hits, allHits - own.Hits, own.Tokens, allTokens - own.Tokens)
                    : default;
                rows.Add(new ThemeGroupComparison(themes[t], groups[g].Name, own, versus, chi2, df, p));
            }
        }

        return rows;
    }

    /// <summary>Pearson's chi-square of a 2×k table (row one: <paramref name="first"/>, row two: <paramref name="second"/>); 0 when a margin is empty.</summary>
    public static double TwoByK(IReadOnlyList<long> first, IReadOnlyList<long> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        double rowOne = first.Sum(), rowTwo = second.Sum();
        var n = rowOne + rowTwo;
        if (rowOne == 0 || rowTwo == 0)
        {
            return 0;
        }

        var chi2 = 0.0;
        for (var j = 0; j < first.Count; j++)
        {
            double column = first[j] + second[j];
            if (column == 0)
            {
                continue;
            }

            var e1 = rowOne * column / n;
            var e2 = rowTwo * column / n;
            chi2 += (first[j] - e1) * (first[j] - e1) / e1 + (second[j] - e2) * (second[j] - e2) / e2;
        }

        return chi2;
    }
}
