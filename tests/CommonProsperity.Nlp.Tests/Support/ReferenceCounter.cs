using System.Globalization;
using System.Text;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>
/// The counting rules of docs/counting-rules.md, implemented again as plainly as possible, without
/// the production code's tries, buffers or fast paths: the one counting oracle that the property and
/// differential tests hold the tokenizer and the matcher to. Rule numbers refer to that page.
/// </summary>
internal static class ReferenceCounter
{
    /// <summary>A token: its lower-case text, where it stands, and whether only whitespace or hyphens separate it from the one before.</summary>
    public sealed record Token(string Key, int Start, int End, bool JoinsPrevious);

    /// <summary>A match of a lexicon term: theme index, term index, its character range, and the tokens it covers.</summary>
    public sealed record Hit(int Theme, int Term, int Start, int End, int FirstToken, int Tokens);

    /// <summary>
    /// Rule 1: the text with each character replaced by its folded form from the generated table
    /// (read here from the source tree, not through the library), code point by code point.
    /// </summary>
    public static string Fold(string text)
    {
        var folded = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width) != System.Buffers.OperationStatus.Done)
            {
                folded.Append(text[i]);
                i++;
                continue;
            }

            folded.Append(char.ConvertFromUtf32(FoldTable.Value.GetValueOrDefault(rune.Value, rune.Value)));
            i += width;
        }

        if (folded.Length != text.Length)
        {
            throw new InvalidOperationException("rule 1 says folding keeps the length");
        }

        return folded.ToString();
    }

    private static readonly Lazy<Dictionary<int, int>> FoldTable = new(() =>
        File.ReadLines(Path.Combine(TestPaths.RepoRoot, "src", "CommonProsperity.Nlp", "Resources", "char-fold.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split('\t'))
            .ToDictionary(f => int.Parse(f[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), f => int.Parse(f[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

    /// <summary>Rules 1 and 2: tokens of the folded text (offsets are the same in the original), or of the text as written when <paramref name="normalize"/> is false.</summary>
    public static List<Token> Tokenize(string text, bool normalize = true) => TokenizeAsWritten(normalize ? Fold(text) : text);

    /// <summary>Rule 2: word tokens, Han tokens, apostrophes inside words, line-end hyphen joins; invisible characters ignored.</summary>
    private static List<Token> TokenizeAsWritten(string text)
    {
        var tokens = new List<Token>();
        var onlySpaceSinceLast = false;
        var i = 0;
        while (i < text.Length)
        {
            var (rune, width) = At(text, i);
            if (IsHan(rune))
            {
                tokens.Add(new Token(rune.ToString(), i, i + width, onlySpaceSinceLast));
                onlySpaceSinceLast = true;
                i += width;
            }
            else if (IsWordCharacter(rune))
            {
                var start = i;
                var key = new StringBuilder();
                while (i < text.Length)
                {
                    var (r, w) = At(text, i);
                    if (IsWordCharacter(r))
                    {
                        key.Append(Rune.ToLowerInvariant(r).ToString());
                        i += w;
                    }
                    else if ((text[i] == '\'' || text[i] == '\u2019') && IsLetter(Before(text, i)) && i + 1 < text.Length && IsLetter(At(text, i + 1).Rune))
                    {
                        key.Append('\'');
                        i++;
                    }
                    else if (IsHyphen(text[i]) && Rune.GetUnicodeCategory(Before(text, i)) == UnicodeCategory.LowercaseLetter && NextLineStart(text, i + 1) is int next
                        && Rune.GetUnicodeCategory(At(text, next).Rune) == UnicodeCategory.LowercaseLetter)
                    {
                        i = next;
                    }
                    else if (IsIgnorable(text[i]) && AfterIgnorables(text, i) is var after && after < text.Length && IsWordCharacter(At(text, after).Rune))
                    {
                        i = after; // rule 2: an invisible character inside a word is not part of it
                    }
                    else
                    {
                        break;
                    }
                }

                tokens.Add(new Token(key.ToString(), start, i, onlySpaceSinceLast));
                onlySpaceSinceLast = true;
            }
            else
            {
                onlySpaceSinceLast &= char.IsWhiteSpace(text[i]) || IsHyphen(text[i]) || IsIgnorable(text[i]);
                i += width;
            }
        }

        return tokens;
    }

    /// <summary>A match an exclusion vetoed (rule 7): theme index, term index, the exclusion's index, and its character range.</summary>
    public sealed record Veto(int Theme, int Term, int Exclusion, int Start, int End);

    /// <summary>Rules 3 to 5: every theme matched on its own, left to right, the longest term winning at each token.</summary>
    public static List<Hit> Match(string text, IReadOnlyList<(string Theme, string Term)> lexicon, IReadOnlyList<string> themes) =>
        Match(text, lexicon.Select(t => (t.Theme, t.Term, (IReadOnlyList<string>)[])).ToList(), themes).Hits;

    /// <summary>
    /// Rules 3 to 7: as above, but a term's match that one of its exclusions covers does not take part
    /// (rule 7); where such a vetoed match is longer than the one that counts (or none counts), it is
    /// reported with the first exclusion that covers it.
    /// </summary>
    public static (List<Hit> Hits, List<Veto> Vetoes) Match(string text, IReadOnlyList<(string Theme, string Term, IReadOnlyList<string> Exclusions)> lexicon, IReadOnlyList<string> themes)
    {
        var tokens = Tokenize(text);
        var terms = lexicon.Select(t => Pattern(t.Term)).ToList();
        var exclusions = lexicon.Select(t => t.Exclusions.Select(Pattern).ToList()).ToList();
        var hits = new List<Hit>();
        var vetoes = new List<Veto>();
        for (var theme = 0; theme < themes.Count; theme++)
        {
            var themeTerms = Enumerable.Range(0, terms.Count).Where(t => lexicon[t].Theme == themes[theme]).ToList();
            var position = 0;
            while (position < tokens.Count)
            {
                var best = -1;
                var bestVetoed = -1;
                var bestVetoedBy = -1;
                foreach (var t in themeTerms)
                {
                    if (!Matches(terms[t], tokens, position))
                    {
                        continue;
                    }

                    var by = CoveringExclusion(exclusions[t], tokens, position, terms[t].Tokens.Count);
                    if (by < 0 && (best < 0 || Better(terms[t], terms[best])))
                    {
                        best = t;
                    }
                    else if (by >= 0 && (bestVetoed < 0 || Better(terms[t], terms[bestVetoed])))
                    {
                        bestVetoed = t;
                        bestVetoedBy = by;
                    }
                }

                if (bestVetoed >= 0 && (best < 0 || terms[bestVetoed].Tokens.Count > terms[best].Tokens.Count))
                {
                    var vetoedLength = terms[bestVetoed].Tokens.Count;
                    vetoes.Add(new Veto(theme, bestVetoed, bestVetoedBy, tokens[position].Start, tokens[position + vetoedLength - 1].End));
                }

                if (best < 0)
                {
                    position++;
                    continue;
                }

                var length = terms[best].Tokens.Count;
                hits.Add(new Hit(theme, best, tokens[position].Start, tokens[position + length - 1].End, position, length));
                position += length;
            }
        }

        return (hits.OrderBy(h => h.Start).ThenBy(h => h.Theme).ToList(), vetoes.OrderBy(v => v.Start).ThenBy(v => v.Theme).ToList());
    }

    /// <summary>Rule 7: the first exclusion that matches (rule 4) somewhere covering all the tokens from <paramref name="position"/> on, or -1.</summary>
    private static int CoveringExclusion(List<TermTokens> exclusions, List<Token> tokens, int position, int length)
    {
        for (var e = 0; e < exclusions.Count; e++)
        {
            for (var start = 0; start <= position; start++)
            {
                if (start + exclusions[e].Tokens.Count >= position + length && Matches(exclusions[e], tokens, start))
                {
                    return e;
                }
            }
        }

        return -1;
    }

    private sealed record TermTokens(List<string> Tokens, bool Prefix);

    private static TermTokens Pattern(string term)
    {
        var text = term.Trim();
        var prefix = text.EndsWith('*');
        return new TermTokens(Tokenize(prefix ? text[..^1] : text).Select(t => t.Key).ToList(), prefix);
    }

    /// <summary>Rule 4: equal tokens (the starred last one: starting with it), only whitespace or hyphens between them.</summary>
    private static bool Matches(TermTokens term, List<Token> tokens, int position)
    {
        if (position + term.Tokens.Count > tokens.Count)
        {
            return false;
        }

        for (var k = 0; k < term.Tokens.Count; k++)
        {
            var token = tokens[position + k];
            var starred = term.Prefix && k == term.Tokens.Count - 1;
            var equal = starred ? token.Key.StartsWith(term.Tokens[k], StringComparison.Ordinal) : token.Key == term.Tokens[k];
            if (!equal || (k > 0 && !token.JoinsPrevious))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Rule 5: more tokens win; on the same tokens an exact last word beats a prefix, and a longer prefix a shorter one; else the earlier term.</summary>
    private static bool Better(TermTokens candidate, TermTokens best)
    {
        if (candidate.Tokens.Count != best.Tokens.Count)
        {
            return candidate.Tokens.Count > best.Tokens.Count;
        }

        if (candidate.Prefix != best.Prefix)
        {
            return !candidate.Prefix;
        }

        return candidate.Prefix && candidate.Tokens[^1].Length > best.Tokens[^1].Length;
    }

    /// <summary>After a hyphen: a line break (CRLF, LF or CR), then spaces or tabs; returns where the next line's text starts.</summary>
    private static int? NextLineStart(string text, int i)
    {
        if (text.AsSpan(i).StartsWith("\r\n"))
        {
            i += 2;
        }
        else if (i < text.Length && (text[i] == '\n' || text[i] == '\r'))
        {
            i++;
        }
        else
        {
            return null;
        }

        while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
        {
            i++;
        }

        return i < text.Length ? i : null;
    }

    private static (Rune Rune, int Width) At(string text, int i)
    {
        Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var width);
        return (rune, width);
    }

    private static Rune Before(string text, int i)
    {
        Rune.DecodeLastFromUtf16(text.AsSpan(0, i), out var rune, out _);
        return rune;
    }

    private static bool IsHan(Rune r) =>
        r.Value is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x323AF);

    private static bool IsLetter(Rune r) => !IsHan(r) && Rune.IsLetter(r);

    private static bool IsWordCharacter(Rune r) => !IsHan(r) && (Rune.IsLetter(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark or UnicodeCategory.DecimalDigitNumber);

    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011' or '\u00AD';

    /// <summary>Rule 2: soft hyphen, zero-width space, non-joiner, joiner, word joiner, zero-width no-break space.</summary>
    private static bool IsIgnorable(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static int AfterIgnorables(string text, int i)
    {
        while (i < text.Length && IsIgnorable(text[i]))
        {
            i++;
        }

        return i;
    }
}
