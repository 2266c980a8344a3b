using System.Text;

namespace CommonProsperity.Nlp.Reporting;

/// <summary>
/// Keyword-in-context snippets for evidence rows: up to N characters each side of a match, with runs
/// of whitespace (line breaks included) shown as one space so that each cell stays on one line. A
/// snippet never cuts a surrogate pair.
/// </summary>
public static class EvidenceContext
{
    /// <summary>The text before <paramref name="start"/>, at most <paramref name="width"/> characters.</summary>
    public static string Left(string text, int start, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = Math.Max(0, start - width);
        if (from > 0 && char.IsLowSurrogate(text[from]))
        {
            from++;
        }

        return Collapse(text.AsSpan(from, start - from)).TrimStart();
    }

    /// <summary>The text after <paramref name="end"/>, at most <paramref name="width"/> characters.</summary>
    public static string Right(string text, int end, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var to = Math.Min(text.Length, end + width);
        if (to < text.Length && to > end && char.IsHighSurrogate(text[to - 1]))
        {
            to--;
        }

        return Collapse(text.AsSpan(end, to - end)).TrimEnd();
    }

    private static string Collapse(ReadOnlySpan<char> span)
    {
        var output = new StringBuilder(span.Length);
        var space = false;
        foreach (var c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    output.Append(' ');
                }

                space = true;
            }
            else
            {
                output.Append(c);
                space = false;
            }
        }

        return output.ToString();
    }
}
