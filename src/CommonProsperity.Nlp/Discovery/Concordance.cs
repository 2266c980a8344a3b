using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// A concordance (keyword in context, as <c>kwic</c> in quanteda or AntConc): every match of a
/// lexicon's terms in the documents, found by the matcher that counts them, so that each line is one
/// match <c>analyze</c> would count (search terms: each term apart; a lexicon theme: its evidence rows).
/// </summary>
internal static class Concordance
{
    /// <summary>
    /// Every match of <paramref name="matcher"/>'s terms, in document order, then text order (then theme
    /// order). With <paramref name="themed"/> false the themes are search terms and lines carry no theme.
    /// </summary>
    public static IReadOnlyList<ConcordanceLine> Find(IReadOnlyList<Document> documents, LexiconMatcher matcher, bool themed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(matcher);
        return documents.AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .SelectMany(document => Lines(document, matcher, themed))
            .ToList();
    }

    /// <summary>
    /// <paramref name="size"/> lines drawn at random without replacement, the same for the same
    /// <paramref name="seed"/> and lines, returned in their original order (all of them when there are
    /// no more than <paramref name="size"/>).
    /// </summary>
    /// <exception cref="OptionsException"><paramref name="size"/> is not positive.</exception>
    public static IReadOnlyList<ConcordanceLine> Sample(IReadOnlyList<ConcordanceLine> lines, int size, int seed)
    {
        ArgumentNullException.ThrowIfNull(lines);
        new ConcordanceOptions(Sample: size).Validate();

        if (lines.Count <= size)
        {
            return lines;
        }

        // A partial Fisher–Yates shuffle of the indexes with System.Random's seeded generator, which
        // gives the same sequence for the same seed on every platform and .NET version.
        var random = new Random(seed);
        var order = Enumerable.Range(0, lines.Count).ToArray();
        for (var i = 0; i < size; i++)
        {
            var j = random.Next(i, order.Length);
            (order[i], order[j]) = (order[j], order[i]);
        }

        return [.. order.Take(size).Order().Select(i => lines[i])];
    }

    private static IEnumerable<ConcordanceLine> Lines(Document document, LexiconMatcher matcher, bool themed)
    {
        var hits = matcher.Match(document.Text);
        if (hits.Count == 0)
        {
            return [];
        }

        var segments = TextSegmenter.Instance.Segment(document.Text);
        var lines = new List<ConcordanceLine>(hits.Count);
        var sentence = -1;
        foreach (var hit in hits)
        {
            sentence = segments.SentenceAt(hit.Start, sentence);
            var holding = sentence >= 0 ? segments.Sentences[sentence] : new TextSegment(-1, hit.Start, hit.End, -1);
            if (holding.End < hit.End && segments.SentenceAt(hit.End - 1, sentence) is var last and >= 0)
            {
                // A phrase matched across a sentence end (a line break next to Chinese text ends one): show both.
                holding = holding with { End = segments.Sentences[last].End };
            }
            lines.Add(new ConcordanceLine(document, themed ? matcher.Themes[hit.Theme] : null, matcher.Lexicon.Terms[hit.Term].Term, hit.Start, hit.End, holding));
        }

        return lines;
    }
}
