using System.Text;
using System.Text.RegularExpressions;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// The encoding an HTML page declares for itself in a <c>meta</c> element (<c>&lt;meta charset="gbk"&gt;</c> or
/// <c>&lt;meta http-equiv="Content-Type" content="text/html; charset=gb2312"&gt;</c>), looked for where browsers
/// look: in its first <see cref="PrescanBytes"/> bytes (the HTML standard's prescan, simplified: a <c>meta</c>
/// inside a comment there counts too). Used by <see cref="EncodingDecision.Decide"/> for a page that is neither
/// marked by a byte order mark nor valid UTF-8, before the charset detector.
/// </summary>
internal static partial class HtmlCharset
{
    /// <summary>How far into the page the declaration is looked for: 1,024 bytes, as the HTML standard's prescan.</summary>
    public const int PrescanBytes = 1024;

    /// <summary>The charset the page's first <c>meta</c> element with one names, lower case; null when none does.</summary>
    public static string? Declared(ReadOnlySpan<byte> head)
    {
        var prescan = Encoding.Latin1.GetString(head[..Math.Min(head.Length, PrescanBytes)]);
        var match = MetaCharset().Match(prescan);
        return match.Success ? match.Groups["name"].Value.ToLowerInvariant() : null;
    }

    [GeneratedRegex("""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*(?<name>[A-Za-z0-9._:-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex MetaCharset();
}
