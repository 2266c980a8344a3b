using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Active learning: picks the passages the model is least sure about, and not near-duplicates of
/// each other, for a person to label next. A passage's uncertainty is how close its closest theme
/// probability is to that theme's threshold (0 = on the threshold; the themes within half the way to 0 or 1
/// are listed as uncertain); passages are taken from most to
/// least uncertain, skipping any whose word set overlaps an already chosen one by more than half
/// (Jaccard), and fragments under five tokens (headings, which the codebook leaves unlabelled).
/// </summary>
internal static class UncertaintySampler
{
    /// <summary>Chooses up to <paramref name="count"/> passages.</summary>
    public static IReadOnlyList<(ClassifiedPassage Passage, double Margin, IReadOnlyList<string> UncertainThemes)> Select(
        IEnumerable<ClassifiedPassage> passages, ThemeModel model, int count, double maxOverlap = 0.5)
    {
        ArgumentNullException.ThrowIfNull(passages);
        ArgumentNullException.ThrowIfNull(model);
        var scored = new List<(ClassifiedPassage Passage, double Margin, HashSet<string> Words)>();
        foreach (var passage in passages)
        {
            var words = CountingTokenizer.Instance.Tokenize(passage.Text).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
            if (words.Count < 5)
            {
                continue;
            }

            var margin = Enumerable.Range(0, model.Card.Themes.Count).Min(t => Math.Abs(passage.Probabilities[t] - model.Card.Themes[t].Threshold));
            scored.Add((passage, margin, words));
        }

        var chosen = new List<(ClassifiedPassage, double, HashSet<string>)>();
        foreach (var candidate in scored.OrderBy(s => s.Margin).ThenBy(s => s.Passage.Document, StringComparer.Ordinal).ThenBy(s => s.Passage.Index))
        {
            if (chosen.Count >= count)
            {
                break;
            }

            if (chosen.Any(c => Jaccard(c.Item3, candidate.Words) > maxOverlap))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        return chosen.Select(c => (c.Item1, c.Item2, (IReadOnlyList<string>)Enumerable.Range(0, model.Card.Themes.Count)
            .Where(t => IsNear(c.Item1.Probabilities[t], model.Card.Themes[t].Threshold))
            .Select(t => model.Card.Themes[t].Id).ToArray())).ToArray();
    }

    /// <summary>Near the threshold: within half the distance to 0 below it, or to 1 above it.</summary>
    private static bool IsNear(double probability, double threshold) =>
        probability >= threshold / 2 && probability <= threshold + (1 - threshold) / 2;

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var intersection = a.Count(b.Contains);
        return (double)intersection / (a.Count + b.Count - intersection);
    }
}
