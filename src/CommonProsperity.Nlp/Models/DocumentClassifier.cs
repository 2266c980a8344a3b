using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Classifies the passages of documents with a <see cref="ThemeModel"/>. Documents stream through in
/// batches (ML.NET is fastest on thousands of rows at once); each passage also sees its document's
/// lexicon profile, computed from the document's sentences, as in training.
/// </summary>
internal sealed class DocumentClassifier(ThemeModel model, PassageUnit unit, int batchPassages = 4096)
{
    /// <summary>The model in use.</summary>
    public ThemeModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Classifies every passage of every document, in document order, then passage order.</summary>
    public IEnumerable<(Document Document, IReadOnlyList<ClassifiedPassage> Passages)> Classify(IEnumerable<Document> documents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var pending = new List<(Document Document, List<(int Start, int End, string Text)> Spans, float[] Profile)>();
        var pendingPassages = 0;
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segments = TextSegmenter.Instance.Segment(document.Text);
            var sentences = segments.Sentences.Select(s => document.Text[s.Start..s.End]).ToArray();
            var spans = unit switch
            {
                PassageUnit.Sentence => segments.Sentences.Select(s => (s.Start, s.End, document.Text[s.Start..s.End])).ToList(),
                PassageUnit.Paragraph => segments.Passages().Select(p => (p.Start, p.End, document.Text[p.Start..p.End])).ToList(),
                _ => segments.Paragraphs.Count == 0 ? [] : [(segments.Paragraphs[0].Start, segments.Paragraphs[^1].End, document.Text[segments.Paragraphs[0].Start..segments.Paragraphs[^1].End])],
            };
            pending.Add((document, spans, Model.Featurizer.DocumentProfile(sentences)));
            pendingPassages += spans.Count;
            if (pendingPassages >= batchPassages)
            {
                foreach (var result in Flush(pending))
                {
                    yield return result;
                }

                pending.Clear();
                pendingPassages = 0;
            }
        }

        foreach (var result in Flush(pending))
        {
            yield return result;
        }
    }

    private IEnumerable<(Document, IReadOnlyList<ClassifiedPassage>)> Flush(List<(Document Document, List<(int Start, int End, string Text)> Spans, float[] Profile)> pending)
    {
        var texts = pending.SelectMany(p => p.Spans.Select(s => s.Text)).ToArray();
        var contexts = pending.SelectMany(p => p.Spans.Select(_ => p.Profile)).ToArray();
        var probabilities = texts.Length == 0 ? [] : Model.PredictProbabilities(texts, contexts);
        var k = 0;
        var results = new List<(Document, IReadOnlyList<ClassifiedPassage>)>();
        foreach (var (document, spans, _) in pending)
        {
            var passages = new List<ClassifiedPassage>(spans.Count);
            for (var i = 0; i < spans.Count; i++, k++)
            {
                passages.Add(new ClassifiedPassage(document.Id, i, spans[i].Start, spans[i].End, spans[i].Text, Model.Decide(probabilities[k]), probabilities[k]));
            }

            results.Add((document, passages));
        }

        return results;
    }
}
