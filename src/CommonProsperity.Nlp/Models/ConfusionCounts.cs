namespace CommonProsperity.Nlp.Models;

/// <summary>True positives, false positives and false negatives per slice (language) and theme; counts add up, so a bootstrap sums them per document.</summary>
internal sealed class ConfusionCounts(int slices, int themes)
{
    private readonly int[] _counts = new int[slices * themes * 3];

    public int Slices { get; } = slices;

    public int Themes { get; } = themes;

    /// <summary>Counts one passage in <paramref name="slice"/>.</summary>
    public void Add(int slice, IReadOnlyList<string> themes, IReadOnlySet<string> gold, IReadOnlySet<string> predicted)
    {
        for (var t = 0; t < themes.Count; t++)
        {
            var g = gold.Contains(themes[t]);
            var p = predicted.Contains(themes[t]);
            var at = ((slice * Themes) + t) * 3;
            if (g && p)
            {
                _counts[at]++;
            }
            else if (p)
            {
                _counts[at + 1]++;
            }
            else if (g)
            {
                _counts[at + 2]++;
            }
        }
    }

    /// <summary>Adds every count of <paramref name="other"/> (of the same shape).</summary>
    public void Add(ConfusionCounts other)
    {
        for (var k = 0; k < _counts.Length; k++)
        {
            _counts[k] += other._counts[k];
        }
    }

    /// <summary>Sets every count to zero.</summary>
    public void Clear() => Array.Clear(_counts);

    /// <summary>The counts of one slice and theme.</summary>
    public (int TruePositives, int FalsePositives, int FalseNegatives) Get(int slice, int theme)
    {
        var at = ((slice * Themes) + theme) * 3;
        return (_counts[at], _counts[at + 1], _counts[at + 2]);
    }
}
