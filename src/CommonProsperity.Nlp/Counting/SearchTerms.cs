using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Lexicons for looking words up rather than counting themes (<c>kwic</c>, <c>trend</c> by term): a
/// list of search terms, each its own theme, or one theme of a lexicon. Either is matched by the same
/// <see cref="LexiconMatcher"/> and counting rules as <c>analyze</c> (Chinese inside longer words, a
/// trailing <c>*</c> as a prefix), so a term's matches are exactly what the lexicon would count.
/// </summary>
public static class SearchTerms
{
    /// <summary>The <see cref="Lexicon.Source"/> of a lexicon of search terms.</summary>
    public const string Source = "search terms";

    /// <summary>
    /// A lexicon in which each of <paramref name="terms"/> is a theme of its own, named by the term as
    /// written, so that every term's matches are found apart (<c>共同富裕</c> and <c>富裕</c> both match
    /// in <c>共同富裕</c>). A term written twice (up to case and spacing) is kept once.
    /// </summary>
    /// <exception cref="OptionsException">No term is given, or a term cannot match (empty, only punctuation, a misplaced <c>*</c>).</exception>
    public static Lexicon Of(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            throw new OptionsException($"no search term was given.", $"Name at least one word or phrase to look for.");
        }

        var kept = new List<LexiconTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < terms.Count; i++)
        {
            var term = (terms[i] ?? string.Empty).Trim();
            TermPattern pattern;
            try
            {
                pattern = TermPattern.Parse(term, Source, i + 1);
            }
            catch (LexiconException e)
            {
                throw new OptionsException($"search term {i + 1} ('{term}'): {e.Problem}", $"{e.Fix ?? "Write a word, a phrase, or a word start followed by '*'."}");
            }

            if (seen.Add(pattern.ToString()))
            {
                kept.Add(new LexiconTerm(term, term, null, null, i + 1));
            }
        }

        return new Lexicon([.. kept.Select(t => t.Theme)], kept, Source, LexiconLoader.Fingerprint(kept), []);
    }

    /// <summary>The terms of <paramref name="theme"/> in <paramref name="lexicon"/>, with their exclusions, as a lexicon of that one theme.</summary>
    /// <exception cref="OptionsException">The lexicon has no such theme.</exception>
    public static Lexicon Theme(Lexicon lexicon, string theme)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(theme);
        var id = theme.Trim();
        if (!lexicon.Themes.Contains(id, StringComparer.Ordinal))
        {
            throw new OptionsException($"the lexicon ({lexicon.Source}) has no theme '{id}'.", $"Use one of its themes: {string.Join(", ", lexicon.Themes)}.");
        }

        var terms = lexicon.Terms.Where(t => string.Equals(t.Theme, id, StringComparison.Ordinal)).ToList();
        return lexicon with { Themes = [id], Terms = terms, Sha256 = LexiconLoader.Fingerprint(terms) };
    }
}
