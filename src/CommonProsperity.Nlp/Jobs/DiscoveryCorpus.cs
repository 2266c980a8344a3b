using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>The documents of a discovery run, read fully (more input sets may be added: compare --vs), each analysed at most once whichever job asks.</summary>
internal sealed class DiscoveryCorpus(DiscoveryOptions options)
{
    private readonly DocumentSource _source = new(options.Ingestion.Excluding(options.OutputDirectory));

    private readonly List<Document> _documents = [];
    private readonly ProblemLog _problems = new();

    public IReadOnlyList<Document> Documents => _documents;

    /// <summary>What reading the inputs met, in order.</summary>
    public IReadOnlyList<Problem> Problems => _problems.All;

    public IReadOnlyList<InputFileRecord> Inputs => _source.Inputs;

    /// <summary>Each analysed document's summary: a document is tokenised once, whichever job asks.</summary>
    private readonly Dictionary<Document, DocumentSummary> _summaries = new(ReferenceEqualityComparer.Instance);

    /// <summary>Tokens in the documents, by the counting rules: from their analysis, or counted for those not analysed.</summary>
    public long Tokens
    {
        get
        {
            var (tokens, buffer) = (0L, new TokenBuffer());
            foreach (var document in _documents)
            {
                if (_summaries.TryGetValue(document, out var summary))
                {
                    tokens += summary.Tokens;
                }
                else
                {
                    CountingTokenizer.For(options.Normalize).Tokenize(document.Text, buffer);
                    tokens += buffer.Count;
                }
            }

            return tokens;
        }
    }

    /// <summary>The summaries of <paramref name="documents"/> (documents of this corpus), analysed in parallel the first time they are asked for.</summary>
    public List<DocumentSummary> Summaries(DocumentAnalyzer analyzer, IReadOnlyList<Document> documents, CancellationToken cancellationToken)
    {
        var missing = documents.Where(d => !_summaries.ContainsKey(d)).ToList();
        var analysed = missing.AsParallel().AsOrdered().WithCancellation(cancellationToken)
            .Select(d => analyzer.Analyze(d, cancellationToken))
            .Select(DocumentSummary.Of)
            .ToList();
        foreach (var (document, summary) in missing.Zip(analysed))
        {
            _summaries[document] = summary;
        }

        return [.. documents.Select(d => _summaries[d])];
    }

    /// <summary>Reads the documents under <paramref name="inputs"/>; returns them.</summary>
    /// <exception cref="CommonProsperityException">None could be read.</exception>
    public List<Document> Add(IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var files = _source.Discover(inputs, _problems);
        if (files.Count == 0)
        {
            throw _source.NothingFound(inputs, _problems.Skipped);
        }

        var documents = _source.Read(files, _problems, cancellationToken).ToList();
        if (documents.Count == 0)
        {
            throw DocumentSource.NoneRead(files.Count, _problems.Skipped);
        }

        _documents.AddRange(documents);

        return documents;
    }
}
