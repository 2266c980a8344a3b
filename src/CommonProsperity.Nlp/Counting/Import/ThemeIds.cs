using System.Globalization;
using System.Text;

namespace CommonProsperity.Nlp.Counting.Import;

/// <summary>
/// The rule that turns a dictionary's category name (<c>care.virtue</c>, <c>a category</c>, <c>Négatif</c>,
/// <c>parent/child</c>) into a theme id, which reports use as a column name: accents are dropped, letters
/// lower-cased, every run of other characters becomes one <c>_</c>, <c>_</c> at either end is cut, and
/// an id that would start with a digit gets <c>c_</c> in front. A name with no Latin letter or digit at all
/// (<c>积极情绪</c>) becomes <c>category_N</c>, N its number or place in the file.
/// </summary>
internal static class ThemeIds
{
    /// <summary>The theme id for <paramref name="name"/>, or <c>category_</c><paramref name="fallback"/> when nothing of the name is left.</summary>
    public static string FromName(string name, string fallback)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(fallback);
        var id = new StringBuilder(name.Length);
        var gap = false;
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue; // é -> e
            }

            var lower = char.ToLowerInvariant(c);
            if (lower is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (gap && id.Length > 0)
                {
                    id.Append('_');
                }

                id.Append(lower);
                gap = false;
            }
            else
            {
                gap = true;
            }
        }

        if (id.Length == 0)
        {
            return "category_" + new string([.. fallback.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);
        }

        return char.IsAsciiDigit(id[0]) ? "c_" + id : id.ToString();
    }
}
