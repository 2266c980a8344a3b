using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// Candidate lexicon terms from a file: the <c>term</c> column of a CSV, such as the <c>ngrams.csv</c> or
/// <c>collocations.csv</c> of <c>ngrams</c> and <c>collocations</c>, so that the phrases found in a corpus
/// can be scored as lexicon terms against labelled passages. English terms are lower-cased as the
/// counting rules compare them; repeats are kept once, in file order.
/// </summary>
public static class CandidateTerms
{
    /// <summary>The column that holds the terms.</summary>
    public const string Column = "term";

    /// <summary>Reads the terms of <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file cannot be read, has no <c>term</c> column, or no terms.</exception>
    public static IReadOnlyList<string> Load(string path)
    {
        var table = CsvTable.Open(path);
        var column = table.IndexOf(Column);
        if (column < 0)
        {
            throw new InputException($"the candidates file has no '{Column}' column (its columns: {string.Join(", ", table.Headers)}).", path, 1,
                "Give the ngrams.csv or collocations.csv that the ngrams or collocations command wrote, or any CSV with a 'term' column.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var row in table.Rows())
        {
            var term = row.Get(column).Trim().ToLowerInvariant();
            if (term.Length > 0 && seen.Add(term))
            {
                terms.Add(term);
            }
        }

        return terms.Count > 0 ? terms
            : throw new InputException($"the candidates file has no terms in its '{Column}' column.", path, fix: "Give a file with at least one term, for example the ngrams.csv of a run that found some.");
    }
}
