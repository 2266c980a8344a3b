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
    public static List<Token> Tokenize(string text, bool normalize = true) => Parts(text, normalize).GroupBy(p => p.Token)
        .Select(g => new Token(string.Concat(g.Select(p => p.Key)), g.First().Start, g.Last().End, g.First().JoinsPrevious)).ToList();

    /// <summary>
    /// A token, or a part of one joined at a line-end hyphen (rule 4 reads such hyphens both ways): its
    /// lower-case text, where it stands, whether only whitespace or hyphens separate it from the part
    /// before, whether a line-end hyphen between letters stands right before it, and its token's index.
    /// </summary>
    public sealed record Part(string Key, int Start, int End, bool JoinsPrevious, bool AfterLineEndHyphen, int Token);

    /// <summary>Rule 2's tokens of the folded text (rule 1), each word joined at a line-end hyphen given as its parts; line-end hyphens between letters noted (rule 4).</summary>
    public static List<Part> Parts(string text, bool normalize = true) => PartsAsWritten(normalize ? Fold(text) : text);

    /// <summary>Rule 2's tokens as <see cref="Parts"/> gives them, of the text as written.</summary>
    private static List<Part> PartsAsWritten(string text)
    {
        var tokens = new List<Part>();
        var onlySpaceSinceLast = false;
        var lineEndHyphenBefore = -1; // where a word starts that follows a line-end hyphen between letters
        var token = 0;
        var i = 0;
        while (i < text.Length)
        {
            var (rune, width) = At(text, i);
            if (IsHan(rune))
            {
                tokens.Add(new Part(rune.ToString(), i, i + width, onlySpaceSinceLast, false, token++));
                onlySpaceSinceLast = true;
                i += width;
            }
            else if (IsWordCharacter(rune))
            {
                var start = i;
                var partStart = i;
                var joins = onlySpaceSinceLast;
                var afterHyphen = start == lineEndHyphenBefore;
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
                        tokens.Add(new Part(key.ToString(), partStart, i, joins, afterHyphen, token));
                        key.Clear();
                        (partStart, joins, afterHyphen) = (next, true, true);
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

                tokens.Add(new Part(key.ToString(), partStart, i, joins, afterHyphen, token++));
                onlySpaceSinceLast = true;
                if (i < text.Length && IsHyphen(text[i]) && IsLetter(Before(text, i)) && NextLineStart(text, i + 1) is int nextLine && IsLetter(At(text, nextLine).Rune))
                {
                    lineEndHyphenBefore = nextLine; // rule 4: a hyphenated compound broken at the line end may also be read joined
                }
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
    /// reported with the first exclusion that covers it. Matching runs over parts (rule 4: a word joined
    /// at a line-end hyphen is its parts, which a term token may also match joined again), and lengths
    /// are counted in parts.
    /// </summary>
    public static (List<Hit> Hits, List<Veto> Vetoes) Match(string text, IReadOnlyList<(string Theme, string Term, IReadOnlyList<string> Exclusions)> lexicon, IReadOnlyList<string> themes)
    {
        var parts = Parts(text);

        // A phrase token covers at most the longest run of parts that line-end hyphens link (rule 7's search is bounded by it).
        var longestRun = 1;
        for (int i = 1, run = 1; i < parts.Count; i++)
        {
            run = parts[i].AfterLineEndHyphen ? run + 1 : 1;
            longestRun = Math.Max(longestRun, run);
        }

        var terms = lexicon.Select(t => Pattern(t.Term)).ToList();
        var exclusions = lexicon.Select(t => t.Exclusions.Select(Pattern).ToList()).ToList();
        var hits = new List<Hit>();
        var vetoes = new List<Veto>();
        for (var theme = 0; theme < themes.Count; theme++)
        {
            var themeTerms = Enumerable.Range(0, terms.Count).Where(t => lexicon[t].Theme == themes[theme]).ToList();
            var position = 0;
            while (position < parts.Count)
            {
                Way? best = null;
                Way? bestVetoed = null;
                var bestVetoedBy = -1;
                foreach (var t in themeTerms)
                {
                    foreach (var way in Ways(terms[t], parts, position))
                    {
                        var candidate = way with { Term = t };
                        var by = CoveringExclusion(exclusions[t], parts, position, way.Length, longestRun);
                        if (by < 0 && (best is null || Better(candidate, best)))
                        {
                            best = candidate;
                        }
                        else if (by >= 0 && (bestVetoed is null || Better(candidate, bestVetoed)))
                        {
                            bestVetoed = candidate;
                            bestVetoedBy = by;
                        }
                    }
                }

                if (bestVetoed is not null && (best is null || bestVetoed.Length > best.Length))
                {
                    vetoes.Add(new Veto(theme, bestVetoed.Term, bestVetoedBy, parts[position].Start, parts[position + bestVetoed.Length - 1].End));
                }

                if (best is null)
                {
                    position++;
                    continue;
                }

                var last = parts[position + best.Length - 1];
                hits.Add(new Hit(theme, best.Term, parts[position].Start, last.End, parts[position].Token, last.Token - parts[position].Token + 1));
                position += best.Length;
            }
        }

        return (hits.OrderBy(h => h.Start).ThenBy(h => h.Theme).ToList(), vetoes.OrderBy(v => v.Start).ThenBy(v => v.Theme).ToList());
    }

    /// <summary>Rule 7: the first exclusion that matches (rule 4) somewhere covering all the parts from <paramref name="position"/> on, or -1.</summary>
    private static int CoveringExclusion(List<TermTokens> exclusions, List<Part> parts, int position, int length, int longestRun)
    {
        for (var e = 0; e < exclusions.Count; e++)
        {
            for (var start = Math.Max(0, position - (exclusions[e].Tokens.Count * longestRun)); start <= position; start++)
            {
                if (Ways(exclusions[e], parts, start).Any(w => start + w.Length >= position + length))
                {
                    return e;
                }
            }
        }

        return -1;
    }

    private sealed record TermTokens(List<string> Tokens, bool Prefix);

    /// <summary>One way a term matches: how many parts each of its tokens covers (1, or more joined at line-end hyphens), in all.</summary>
    private sealed record Way(int Term, TermTokens Pattern, IReadOnlyList<int> Spans)
    {
        public int Length => Spans.Sum();
    }

    private static TermTokens Pattern(string term)
    {
        var text = term.Trim();
        var prefix = text.EndsWith('*');
        return new TermTokens(Tokenize(prefix ? text[..^1] : text).Select(t => t.Key).ToList(), prefix);
    }

    /// <summary>
    /// Rule 4: every way the term matches at <paramref name="position"/>: equal tokens (the starred last
    /// one: starting with it), only whitespace or hyphens between them, a term token matching one part or
    /// several parts joined at line-end hyphens between letters.
    /// </summary>
    private static IEnumerable<Way> Ways(TermTokens term, List<Part> parts, int position)
    {
        IEnumerable<List<int>> From(int k, int at)
        {
            if (k == term.Tokens.Count)
            {
                yield return [];
                yield break;
            }

            if (at >= parts.Count || (k > 0 && !parts[at].JoinsPrevious))
            {
                yield break;
            }

            var key = "";
            for (var end = at; end < parts.Count && (end == at || parts[end].AfterLineEndHyphen); end++)
            {
                key += parts[end].Key;
                var starred = term.Prefix && k == term.Tokens.Count - 1;
                if (starred ? key.StartsWith(term.Tokens[k], StringComparison.Ordinal) : key == term.Tokens[k])
                {
                    foreach (var rest in From(k + 1, end + 1))
                    {
                        yield return [end - at + 1, .. rest];
                    }
                }
            }
        }

        return From(0, position).Select(spans => new Way(-1, term, spans));
    }

    /// <summary>
    /// Rule 5: more parts win; on the same parts, the first token where the two differ decides: fewer
    /// parts joined into it, then an exact token over a starred one, then a longer prefix; else the earlier term.
    /// </summary>
    private static bool Better(Way candidate, Way best)
    {
        if (candidate.Length != best.Length)
        {
            return candidate.Length > best.Length;
        }

        for (var k = 0; k < Math.Min(candidate.Spans.Count, best.Spans.Count); k++)
        {
            if (candidate.Spans[k] != best.Spans[k])
            {
                return candidate.Spans[k] < best.Spans[k];
            }

            var candidatePrefix = candidate.Pattern.Prefix && k == candidate.Spans.Count - 1;
            var bestPrefix = best.Pattern.Prefix && k == best.Spans.Count - 1;
            if (candidatePrefix != bestPrefix)
            {
                return !candidatePrefix;
            }

            if (candidatePrefix && candidate.Pattern.Tokens[k].Length != best.Pattern.Tokens[k].Length)
            {
                return candidate.Pattern.Tokens[k].Length > best.Pattern.Tokens[k].Length;
            }
        }

        return false; // the same path: the term met first (the earlier one) stays
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
