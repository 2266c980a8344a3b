using System.Buffers;

namespace CommonProsperity.Nlp.Text;

/// <summary>
/// Splits text into paragraphs and sentences, for English and Chinese, including text converted
/// from PDF with hard line wraps.
/// <para>Paragraphs end at a blank line, before a line that starts with a list bullet, at any line
/// break next to Chinese text (Chinese documents put one paragraph on a line), and before two
/// ideographic spaces (U+3000 U+3000) that follow text on the same line (Chinese sources published as
/// one line open each paragraph so). Other single line breaks are wraps inside a paragraph.</para>
/// <para>Sentences end at a paragraph end; after 。！？ (with any closing quotes or brackets); and after
/// . ! ? (with closing quotes or brackets) when whitespace and then a capital letter, digit, opening quote
/// or Chinese character follow, unless the period ends an abbreviation such as "U.S.", "No.", "Dr.",
/// "e.g." or a single initial.</para>
/// </summary>
internal sealed class TextSegmenter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "nos", "art", "arts", "vol", "vols", "pp", "p",
        "fig", "figs", "eg", "ie", "vs", "cf", "inc", "ltd", "co", "corp", "gen", "gov", "govt", "sen", "rep", "reps",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est",
        "para", "paras", "sec", "secs", "ch", "chap", "ed", "eds", "al", "op", "cit", "ibid", "ca", "lt", "col", "capt",
        "rev", "hon", "amb", "adm", "supp", "exh", "cong", "sess", "pub", "stat",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int LongestAbbreviation = Abbreviations.Max(a => a.Length);

    private static readonly HashSet<ulong> PackedAbbreviations = [.. Abbreviations.Select(a => Pack(a))];

    /// <summary>Two ideographic spaces (U+3000): how Chinese sources open a paragraph, also inside a line.</summary>
    private const string ParagraphMark = "\u3000\u3000";

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。！？\uFF61.!?");

    /// <summary>The one instance; the segmenter has no state.</summary>
    public static TextSegmenter Instance { get; } = new();

    private TextSegmenter()
    {
    }

    /// <summary>Segments <paramref name="text"/>.</summary>
    public SegmentedText Segment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Segment(text.AsSpan());
    }

    /// <summary>Segments <paramref name="text"/> (a document's text held in a buffer, not a string).</summary>
    public SegmentedText Segment(ReadOnlySpan<char> text)
    {
        var paragraphs = new List<TextSegment>();
        var sentences = new List<TextSegment>();
        Segment(text, paragraphs, sentences);
        return new SegmentedText(paragraphs, sentences);
    }

    /// <summary>
    /// Segments <paramref name="text"/> into the given lists (cleared first), so that a caller that
    /// segments piece after piece (a large document's windows) reuses them instead of allocating.
    /// </summary>
    internal void Segment(ReadOnlySpan<char> text, List<TextSegment> paragraphs, List<TextSegment> sentences)
    {
        paragraphs.Clear();
        sentences.Clear();
        ParagraphRanges(text, paragraphs);
        foreach (var paragraph in paragraphs)
        {
            SplitSentences(text, paragraph.Start, paragraph.End, paragraph.Index, sentences);
        }
    }

    private static void ParagraphRanges(ReadOnlySpan<char> text, List<TextSegment> paragraphs)
    {
        var paragraphStart = -1;
        var lineStart = 0;
        var previousLineEnd = -1; // end of the last non-blank line in the current paragraph
        while (lineStart <= text.Length)
        {
            // A line ends at \n, \r\n or a lone \r, as in the counting rules.
            var newline = text[lineStart..].IndexOfAny('\n', '\r');
            newline = newline < 0 ? -1 : newline + lineStart;
            var lineEnd = newline < 0 ? text.Length : newline;
            var (contentStart, contentEnd) = Trim(text, lineStart, lineEnd);
            if (contentStart >= contentEnd)
            {
                if (paragraphStart >= 0)
                {
                    AddParagraph(paragraphs, paragraphStart, previousLineEnd);
                    paragraphStart = -1;
                }
            }
            else
            {
                // A line may hold several paragraphs, each opened by two ideographic spaces.
                var pieceStart = contentStart;
                var marked = false;
                while (true)
                {
                    var mark = pieceStart + 1 < contentEnd ? text.Slice(pieceStart + 1, contentEnd - pieceStart - 1).IndexOf(ParagraphMark, StringComparison.Ordinal) : -1;
                    var pieceEnd = mark < 0 ? contentEnd : Trim(text, pieceStart, pieceStart + 1 + mark).End;
                    if (paragraphStart >= 0 && (marked || StartsNewParagraph(text, previousLineEnd, pieceStart)))
                    {
                        AddParagraph(paragraphs, paragraphStart, previousLineEnd);
                        paragraphStart = -1;
                    }

                    if (paragraphStart < 0)
                    {
                        paragraphStart = pieceStart;
                    }

                    previousLineEnd = pieceEnd;
                    if (mark < 0)
                    {
                        break;
                    }

                    pieceStart = Trim(text, pieceStart + 1 + mark, contentEnd).Start;
                    marked = true;
                }
            }

            if (newline < 0)
            {
                break;
            }

            lineStart = newline + (text[newline] == '\r' && newline + 1 < text.Length && text[newline + 1] == '\n' ? 2 : 1);
        }

        if (paragraphStart >= 0)
        {
            AddParagraph(paragraphs, paragraphStart, previousLineEnd);
        }
    }

    private static void AddParagraph(List<TextSegment> paragraphs, int start, int end) =>
        paragraphs.Add(new TextSegment(paragraphs.Count, start, end, paragraphs.Count));

    private static bool StartsNewParagraph(ReadOnlySpan<char> text, int previousEnd, int nextStart)
    {
        var lastIndex = previousEnd >= 2 && char.IsLowSurrogate(text[previousEnd - 1]) ? previousEnd - 2 : previousEnd - 1;
        if (IsCjk(CharClass.CodePointAt(text, lastIndex, out _)) || IsCjk(CharClass.CodePointAt(text, nextStart, out _)))
        {
            return true;
        }

        return IsBullet(text, nextStart);
    }

    private static bool IsBullet(ReadOnlySpan<char> text, int at)
    {
        var c = text[at];
        if (c is '•' or '·' or '▪' or '◦' or '●' or '○' or '■' or '□' or '–' or '—')
        {
            return true;
        }

        if ((c is '-' or '*' or '+') && at + 1 < text.Length && text[at + 1] == ' ')
        {
            return true;
        }

        // "1. ", "12) ", "(3) ", and lettered items in brackets: "(a) ", "(iv) "
        var i = at;
        var bracketed = c == '(';
        if (bracketed)
        {
            i++;
        }

        var label = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || (bracketed && char.IsAsciiLetterLower(text[i]))))
        {
            i++;
        }

        var closer = i < text.Length && (bracketed ? text[i] == ')' : text[i] is '.' or ')');
        return i > label && i - label <= 3 && closer && i + 1 < text.Length && text[i + 1] == ' ';
    }

    private static bool IsCjk(int c) => CharClass.IsHan(c) || (c <= char.MaxValue && CharClass.IsCjkPunctuation((char)c));

    private static (int Start, int End) Trim(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }

    private static void SplitSentences(ReadOnlySpan<char> text, int start, int end, int paragraph, List<TextSegment> sentences)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            // Only the sentence-end marks matter; jump to the next one.
            var next = text.Slice(i, end - i).IndexOfAny(SentenceEnds);
            if (next < 0)
            {
                break;
            }

            i += next;
            var c = text[i];
            var boundary = -1;
            if (c is '。' or '！' or '？' or '\uFF61')
            {
                boundary = SkipClosers(text, i + 1, end);
            }
            else if (c is '.' or '!' or '?')
            {
                var after = i + 1;
                while (after < end && text[after] is '.' or '!' or '?')
                {
                    after++;
                }

                after = SkipClosers(text, after, end);
                after = SkipFootnoteMark(text, after, end);
                if (after >= end || (char.IsWhiteSpace(text[after]) && StartsSentence(text, after, end)))
                {
                    if (c != '.' || !EndsAbbreviation(text, sentenceStart, i))
                    {
                        boundary = after;
                    }
                }

                if (boundary < 0)
                {
                    i = after;
                    continue;
                }
            }

            if (boundary >= 0)
            {
                Add(text, sentenceStart, boundary, paragraph, sentences);
                sentenceStart = boundary;
                i = boundary;
                continue;
            }

            i++;
        }

        Add(text, sentenceStart, end, paragraph, sentences);
    }

    /// <summary>Footnote numbers glued to a sentence end ("in 1949.222 Under", "abolished.¹⁶⁶ Xi") stay with the sentence they close.</summary>
    private static int SkipFootnoteMark(ReadOnlySpan<char> text, int i, int end)
    {
        var j = i;
        while (j < end && j - i < 4 && (char.IsAsciiDigit(text[j]) || text[j] is '¹' or '²' or '³' || (text[j] >= '\u2070' && text[j] <= '\u2079') || text[j] == '*'))
        {
            j++;
        }

        return j > i && j < end && char.IsWhiteSpace(text[j]) ? j : i;
    }

    private static int SkipClosers(ReadOnlySpan<char> text, int i, int end)
    {
        while (i < end && text[i] is '"' or '\'' or ')' or ']' or '”' or '’' or '」' or '』' or '）' or '》' or '】' or '〕')
        {
            i++;
        }

        return i;
    }

    private static bool StartsSentence(ReadOnlySpan<char> text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i >= end)
        {
            return true;
        }

        var c = text[i];
        return char.IsUpper(c) || char.IsAsciiDigit(c) || IsCjk(c)
            || c is '"' or '\'' or '(' or '[' or '“' or '‘' or '•' or '-' or '–' or '—';
    }

    private static bool EndsAbbreviation(ReadOnlySpan<char> text, int sentenceStart, int period)
    {
        var i = period;
        while (i > sentenceStart && (char.IsLetter(text[i - 1]) || text[i - 1] == '.'))
        {
            i--;
        }

        var word = text.Slice(i, period - i);
        if (word.Length == 0)
        {
            return false;
        }

        if (word.Contains('.'))
        {
            return true; // "U.S", "e.g", "P.R.C"
        }

        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "Guoguang W. Wu"
        }

        if (word.Length > LongestAbbreviation)
        {
            return false;
        }

        // The list is ASCII letters: an ASCII word is packed, lower-cased, into a number and looked up
        // as one (this runs at every sentence end); others keep the case-insensitive string lookup.
        return System.Text.Ascii.IsValid(word) ? PackedAbbreviations.Contains(Pack(word)) : AbbreviationLookup.Contains(word);
    }

    /// <summary>Up to eight ASCII characters, lower-cased, one per byte.</summary>
    private static ulong Pack(ReadOnlySpan<char> ascii)
    {
        ulong packed = 0;
        foreach (var c in ascii)
        {
            packed = (packed << 8) | (byte)(c | (char.IsAsciiLetterUpper(c) ? 0x20 : 0));
        }

        return packed;
    }

    private static void Add(ReadOnlySpan<char> text, int start, int end, int paragraph, List<TextSegment> sentences)
    {
        var (s, e) = Trim(text, start, end);
        if (s < e)
        {
            sentences.Add(new TextSegment(sentences.Count, s, e, paragraph));
        }
    }
}
