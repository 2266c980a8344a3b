using SkiaSharp;

namespace CommonProsperity.Nlp.Output.Charts;

/// <summary>
/// The fonts charts are drawn with, looked up once among the installed fonts: a plain sans-serif for
/// Latin text, and the first family that has Chinese characters for charts with Chinese text (so that it
/// renders, not as boxes). Without a Chinese font, charts still render and <see cref="Warning"/> says what
/// to install.
/// </summary>
internal static class ChartFonts
{
    private const int Zhong = 0x4E2D; // 中

    private static readonly string[] PreferredChinese =
    [
        "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
        "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "SimHei", "Noto Sans CJK TC", "Noto Sans CJK JP", "Noto Serif CJK SC",
    ];

    private static readonly string[] PreferredLatin = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI"];

    private static readonly Lazy<string?> Chinese = new(() => Find(PreferredChinese, requireChinese: true));
    private static readonly Lazy<string?> Latin = new(() => Find(PreferredLatin, requireChinese: false));

    /// <summary>The family used for labels with Chinese, or null when no installed font has Chinese characters.</summary>
    public static string? ChineseCapable => Chinese.Value;

    /// <summary>The family used for other text, or null to keep the plotting library's default.</summary>
    public static string? Plain => Latin.Value;

    /// <summary>A warning to show when Chinese text cannot be drawn, else null.</summary>
    public static string? Warning => ChineseCapable is null
        ? "no installed font has Chinese characters, so Chinese text in the charts shows as boxes. Install one (Debian/Ubuntu: apt-get install fonts-noto-cjk) and run again."
        : null;

    private static string? Find(string[] preferred, bool requireChinese)
    {
        var manager = SKFontManager.Default;
        var families = manager.GetFontFamilies();
        var candidates = requireChinese ? preferred.Concat(families.Order(StringComparer.Ordinal)) : preferred;
        foreach (var name in candidates)
        {
            if (!families.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            using var typeface = manager.MatchFamily(name);
            if (typeface is not null && string.Equals(typeface.FamilyName, name, StringComparison.OrdinalIgnoreCase) && (!requireChinese || typeface.ContainsGlyph(Zhong)))
            {
                return typeface.FamilyName;
            }
        }

        return null;
    }
}
