using System.Runtime.CompilerServices;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Keyword-in-context snippets for evidence rows: up to N characters each side of a match, with runs
/// of whitespace (line breaks included) shown as one space so that each cell stays on one line. A
/// snippet never cuts a surrogate pair.
/// </summary>
internal static class EvidenceContext
{
    private static readonly bool[] AsciiWhiteSpace = [.. Enumerable.Range(0, 0x80).Select(c => char.IsWhiteSpace((char)c))];

    /// <summary>The text before <paramref name="start"/>, at most <paramref name="width"/> characters.</summary>
    public static string Left(string text, int start, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string(Left(text, start, width, new char[width]));
    }

    /// <summary>The text after <paramref name="end"/>, at most <paramref name="width"/> characters.</summary>
    public static string Right(string text, int end, int width)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new string(Right(text, end, width, new char[width]));
    }

    /// <summary>
    /// Writes <see cref="Left(string, int, int)"/> as a field of <paramref name="row"/>, in one pass (the hot path of evidence rows),
    /// or as bytes copied from <paramref name="copy"/> when it holds them ready.
    /// </summary>
    public static void WriteLeft(CsvRowBuffer row, ReadOnlySpan<char> text, int start, int width, SnippetBytes? copy = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var from = LeftStart(text, start, width);
        if (copy is null || !copy.TryWriteCollapsed(row, text, from, start, trimStart: true, trimEnd: false))
        {
            row.WriteCollapsedField(text[from..start], trimStart: true, trimEnd: false);
        }
    }

    /// <summary>
    /// Writes <see cref="Right(string, int, int)"/> as a field of <paramref name="row"/>, in one pass (the hot path of evidence rows),
    /// or as bytes copied from <paramref name="copy"/> when it holds them ready.
    /// </summary>
    public static void WriteRight(CsvRowBuffer row, ReadOnlySpan<char> text, int end, int width, SnippetBytes? copy = null)
    {
        ArgumentNullException.ThrowIfNull(row);
        var to = RightEnd(text, end, width);
        if (copy is null || !copy.TryWriteCollapsed(row, text, end, to, trimStart: false, trimEnd: true))
        {
            row.WriteCollapsedField(text[end..to], trimStart: false, trimEnd: true);
        }
    }

    /// <summary>As <see cref="Left(string, int, int)"/>, into <paramref name="buffer"/> (at least <paramref name="width"/> long) without allocating.</summary>
    public static ReadOnlySpan<char> Left(ReadOnlySpan<char> text, int start, int width, Span<char> buffer) =>
        Collapse(text[LeftStart(text, start, width)..start], buffer).TrimStart(' ');

    /// <summary>As <see cref="Right(string, int, int)"/>, into <paramref name="buffer"/> (at least <paramref name="width"/> long) without allocating.</summary>
    public static ReadOnlySpan<char> Right(ReadOnlySpan<char> text, int end, int width, Span<char> buffer) =>
        Collapse(text[end..RightEnd(text, end, width)], buffer).TrimEnd(' ');

    /// <summary>Where the left snippet starts: <paramref name="width"/> characters back, not inside a surrogate pair.</summary>
    private static int LeftStart(ReadOnlySpan<char> text, int start, int width)
    {
        var from = Math.Max(0, start - width);
        return from > 0 && char.IsLowSurrogate(text[from]) ? from + 1 : from;
    }

    /// <summary>Where the right snippet ends: <paramref name="width"/> characters on, not inside a surrogate pair.</summary>
    private static int RightEnd(ReadOnlySpan<char> text, int end, int width)
    {
        var to = Math.Min(text.Length, end + width);
        return to < text.Length && to > end && char.IsHighSurrogate(text[to - 1]) ? to - 1 : to;
    }

    /// <summary>Copies <paramref name="span"/> with every run of whitespace as one space (after which a space is the only whitespace left).</summary>
    private static Span<char> Collapse(ReadOnlySpan<char> span, Span<char> output)
    {
        // Without branches on the characters (a space every few letters defeats branch prediction):
        // every character is written, as a space if it is whitespace, and a space after a space is overwritten.
        var written = 0;
        var afterSpace = false;
        foreach (var c in span)
        {
            var space = IsWhiteSpace(c);
            output[written] = space ? ' ' : c;
            written += space & afterSpace ? 0 : 1;
            afterSpace = space;
        }

        return output[..written];
    }

    /// <summary>
    /// <see cref="char.IsWhiteSpace(char)"/> without a call: the Unicode spaces, line and paragraph
    /// separators and the controls U+0009–U+000D and U+0085 (checked against char.IsWhiteSpace for
    /// every character by a test). Chinese text asks this of every character of every snippet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsWhiteSpace(char c) =>
        c < 0x80
            ? AsciiWhiteSpace[c]
            : c >= '\u0085' && (c == '\u0085' || c == '\u00A0' || c == '\u1680' || c == '\u3000'
                || (c >= '\u2000' && (c <= '\u200A' || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F')));
}
