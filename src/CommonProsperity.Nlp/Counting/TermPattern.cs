using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A lexicon term split into tokens by the counting rules, with a flag for a trailing <c>*</c>
/// (the last token then matches as a prefix).
/// </summary>
/// <param name="Tokens">The term's normalised tokens.</param>
/// <param name="LastIsPrefix">True when the term ended in <c>*</c>.</param>
internal sealed record TermPattern(IReadOnlyList<string> Tokens, bool LastIsPrefix)
{
    /// <summary>
    /// Parses a term, enforcing the lexicon rules: not empty, at most one <c>*</c> and only at the end,
    /// directly after a letter or digit that is not a Chinese character, and at least one token.
    /// </summary>
    /// <exception cref="LexiconException">The term breaks a rule; the message names the file and line.</exception>
    public static TermPattern Parse(string term, string path, int line) => Parse(term, path, line, CountingTokenizer.Instance);

    /// <summary>As <see cref="Parse(string, string, int)"/>, tokenized by <paramref name="tokenizer"/> (the one the text is tokenized by).</summary>
    /// <exception cref="LexiconException">The term breaks a rule; the message names the file and line.</exception>
    public static TermPattern Parse(string term, string path, int line, CountingTokenizer tokenizer)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(term);
        var text = term.Trim();
        if (text.Length == 0)
        {
            throw new LexiconException("the term is empty.", path, line, "Write a word or phrase in the term column, or delete the line.");
        }

        var star = text.IndexOf('*', StringComparison.Ordinal);
        var prefix = false;
        if (star >= 0)
        {
            if (star != text.Length - 1)
            {
                throw new LexiconException($"'{text}' has a '*' that is not at the end.", path, line,
                    "A '*' may only end a term (inequalit* matches inequality and inequalities); remove the other '*'.");
            }

            var body = text.AsSpan(0, text.Length - 1);
            if (body.Length == 0)
            {
                throw new LexiconException("the term is only '*'.", path, line, "Put the start of a word before the '*'.");
            }

            var last = CharClass.CodePointAt(body, char.IsLowSurrogate(body[^1]) && body.Length > 1 ? body.Length - 2 : body.Length - 1, out _);
            if (CharClass.IsHan(last))
            {
                throw new LexiconException($"'{text}' has a '*' after a Chinese character.", path, line,
                    "Chinese terms match as character sequences already (慈善 matches inside 慈善组织); remove the '*'.");
            }

            if (!CharClass.IsWordCategory(CharClass.Category(last)))
            {
                throw new LexiconException($"'{text}' has a '*' that does not follow a letter or digit.", path, line,
                    "Write the '*' directly after the start of a word, as in donat*.");
            }

            prefix = true;
            text = body.ToString();
        }

        var tokens = tokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new LexiconException($"'{term}' has no letters, digits or Chinese characters.", path, line,
                "Terms are matched as words; punctuation alone cannot match.");
        }

        return new TermPattern(tokens.Select(t => t.Text).ToArray(), prefix);
    }

    /// <summary>
    /// Punctuation inside a term (other than spaces, hyphens and apostrophes between letters) that would
    /// have to stand between the words of a match, which rule 4 forbids: such a term (<c>U.S. tariffs</c>)
    /// only matches text written without it. Returns the offending character, or null.
    /// </summary>
    public static char? UnmatchablePunctuation(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        var text = term.Trim().TrimEnd('*');
        var tokens = CountingTokenizer.Instance.Tokenize(text);
        for (var k = 1; k < tokens.Count; k++)
        {
            if (!tokens[k].JoinsPrevious)
            {
                for (var i = tokens[k - 1].End; i < tokens[k].Start; i++)
                {
                    if (!CharClass.IsPhraseGap(text[i]))
                    {
                        return text[i];
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Where this pattern matches inside <paramref name="phrase"/>'s tokens read as text (rule 4: equal
    /// tokens, this pattern's starred last token as a prefix): the token offsets, first to last.
    /// An exclusion must contain its term at least once, or it could never veto a match.
    /// </summary>
    public IEnumerable<int> OffsetsIn(TermPattern phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        for (var offset = 0; offset + Tokens.Count <= phrase.Tokens.Count; offset++)
        {
            var all = true;
            for (var k = 0; k < Tokens.Count && all; k++)
            {
                var token = phrase.Tokens[offset + k];
                all = LastIsPrefix && k == Tokens.Count - 1
                    ? token.StartsWith(Tokens[k], StringComparison.Ordinal)
                    : string.Equals(token, Tokens[k], StringComparison.Ordinal);
            }

            if (all)
            {
                yield return offset;
            }
        }
    }

    /// <summary>The pattern written back as text, one space between tokens (for keys and messages).</summary>
    public override string ToString() => string.Join(' ', Tokens) + (LastIsPrefix ? "*" : string.Empty);
}
