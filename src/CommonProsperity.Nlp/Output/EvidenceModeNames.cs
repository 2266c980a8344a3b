namespace CommonProsperity.Nlp.Output;

/// <summary>The names of <see cref="EvidenceMode"/> as options and manifests write them (<c>full</c>, <c>offsets</c>, <c>none</c>).</summary>
internal static class EvidenceModeNames
{
    /// <summary>The manifest option that records the mode.</summary>
    public const string Option = "evidence";

    /// <summary>The names, in the enum's order.</summary>
    public static IReadOnlyList<string> All { get; } = ["full", "offsets", "none"];

    /// <summary>The name of <paramref name="mode"/>.</summary>
    public static string Name(EvidenceMode mode) => All[(int)mode];

    /// <summary>The mode named <paramref name="name"/> (any case); false for another name.</summary>
    public static bool TryParse(string? name, out EvidenceMode mode)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                mode = (EvidenceMode)i;
                return true;
            }
        }

        mode = EvidenceMode.Full;
        return false;
    }

    /// <summary>The mode recorded in <paramref name="options"/> (a run's manifest options): <see cref="EvidenceMode.Full"/> when none is, null for a name that is none of them.</summary>
    public static EvidenceMode? Of(IEnumerable<KeyValuePair<string, string?>> options)
    {
        var value = options.FirstOrDefault(o => string.Equals(o.Key, Option, StringComparison.Ordinal)).Value;
        return value is null ? EvidenceMode.Full : TryParse(value, out var mode) ? mode : null;
    }
}
