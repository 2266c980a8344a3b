using CommonProsperity.Nlp.Counting;
using CsvHelper;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// <c>corpus_summary.csv</c> aggregated as documents arrive, per theme for the whole corpus and per
/// language, year and publisher, so that no document needs to be kept: each group's
/// <see cref="ThemeGroupTally"/> is built from running sums instead of from its list of documents.
/// The sums run in document order, so the mean of the documents' rates comes out exactly as averaging
/// them at the end would.
/// </summary>
internal sealed class CorpusSummaryTally(int themes)
{
    /// <summary>The grouping of all documents in one group (named the same).</summary>
    public const string All = "all";

    /// <summary>The grouping by language.</summary>
    public const string Language = "language";

    /// <summary>The grouping by year.</summary>
    public const string Year = "year";

    /// <summary>The group of the documents without a value for the grouping's field.</summary>
    public const string Unknown = "unknown";

    private static readonly (string By, Func<DocumentSummary, string?> Key)[] Groupings =
    [
        (All, _ => All),
        (Language, d => d.Metadata.Language),
        (Year, d => d.Metadata.Year),
        ("publisher", d => d.Metadata.Publisher),
    ];

    private readonly Dictionary<string, Group>[] _groups = [.. Groupings.Select(_ => new Dictionary<string, Group>(StringComparer.Ordinal))];

    public void Add(DocumentSummary document)
    {
        for (var g = 0; g < Groupings.Length; g++)
        {
            var key = Groupings[g].Key(document) ?? Unknown;
            if (!_groups[g].TryGetValue(key, out var group))
            {
                _groups[g][key] = group = new Group(themes);
            }

            group.Add(document);
        }
    }

    /// <summary>The documents added.</summary>
    public int Documents => _groups[0].Values.Sum(g => g.Documents);

    /// <summary>The groups of one grouping (<see cref="All"/>, <see cref="Language"/>, <see cref="Year"/>) in key order, each with its themes' tallies.</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<ThemeGroupTally> Themes)> Groups(string by)
    {
        var g = Array.FindIndex(Groupings, x => x.By == by);
        return [.. _groups[g].OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (IReadOnlyList<ThemeGroupTally>)[.. Enumerable.Range(0, themes).Select(p.Value.Tally)]))];
    }

    public void Write(CsvWriter csv, Lexicon lexicon, IReadOnlyList<string> themeIds)
    {
        var layout = AnalysisReports.CorpusSummary.For(lexicon);
        csv.WriteRow(layout.Header(themeIds));
        foreach (var row in Rows(lexicon, themeIds))
        {
            csv.WriteRow(layout.Row(row, themeIds.Count));
        }
    }

    /// <summary>The rows of <c>corpus_summary.csv</c>, in its order (the HTML report shows some of them).</summary>
    public IEnumerable<AnalysisReports.GroupRow> Rows(Lexicon lexicon, IReadOnlyList<string> themeIds)
    {
        for (var g = 0; g < Groupings.Length; g++)
        {
            foreach (var (key, group) in _groups[g].OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                for (var t = 0; t < themeIds.Count; t++)
                {
                    yield return new AnalysisReports.GroupRow(Groupings[g].By, key, themeIds[t], lexicon.LabelOf(themeIds[t]), group.Tally(t));
                }
            }
        }
    }

    private sealed class Group(int themes)
    {
        public int Documents { get; private set; }

        public long Tokens { get; private set; }

        public long Words { get; private set; }

        public long Sentences { get; private set; }

        public long[] Hits { get; } = new long[themes];

        public long[] WithSentences { get; } = new long[themes];

        public int[] WithTheme { get; } = new int[themes];

        public double[] RateSum { get; } = new double[themes];

        public double[] Weighted { get; } = new double[themes];

        /// <summary>
        /// The same as <see cref="ThemeGroupTally.Of"/> over the group's documents: the running sums took
        /// them in document order, as <see cref="Enumerable.Average{TSource}(IEnumerable{TSource}, Func{TSource, double})"/> does.
        /// </summary>
        public ThemeGroupTally Tally(int theme) =>
            new(Documents, WithTheme[theme], Hits[theme], Tokens, Words, Sentences, WithSentences[theme], Documents == 0 ? 0 : RateSum[theme] / Documents, Weighted[theme]);

        public void Add(DocumentSummary document)
        {
            Documents++;
            Tokens += document.Tokens;
            Words += document.Words;
            Sentences += document.Sentences;
            for (var t = 0; t < Hits.Length; t++)
            {
                var tally = document.Themes[t];
                Hits[t] += tally.Hits;
                WithSentences[t] += tally.Sentences;
                WithTheme[t] += tally.Hits > 0 ? 1 : 0;
                RateSum[t] += Rate.Per1000(tally.Hits, document.Tokens);
                Weighted[t] += tally.Weighted;
            }
        }
    }
}
