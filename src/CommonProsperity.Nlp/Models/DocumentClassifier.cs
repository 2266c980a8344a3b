using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Classifies the passages of documents with a <see cref="ThemeModel"/>; each passage also sees its
/// document's lexicon profile, computed from the document's sentences, as in training. A model whose
/// features are the lexicon vectors alone (the shipped one) is applied directly, one document at a
/// time on every core (<see cref="ThemeModel.ScoreDirect"/>); a model with text n-grams goes through
/// ML.NET, documents streaming through in batches (ML.NET is fastest on thousands of rows at once).
/// <para>A document whose text stays in its file (a large plain-text file, <see cref="Document.IsStreamed"/>) is
/// classified by sentence in windows (<see cref="SentenceWindows"/>) when the model is scored directly, so
/// that its memory does not grow with it: the text is read twice, once for the document's profile and
/// once to score its sentences (a window's sentences on every core), which are the same, with the same
/// offsets, as in the whole text.</para>
/// <para>By sentence, and for the document's profile, a sentence longer than <see cref="SentencePieces.MaxCharacters"/>
/// is cut into pieces (<see cref="SentencePieces"/>), read whole or in windows alike.</para>
/// </summary>
internal sealed class DocumentClassifier(ThemeModel model, PassageUnit unit, int batchPassages = 4096, int windowCharacters = SentenceWindows.DefaultCharacters)
{
    /// <summary>The most characters a window grows to while no place to cut it comes (<see cref="TextWindow.MaxCharacters"/>; tests lower it).</summary>
    public int MaxWindowCharacters { get; init; } = TextWindow.MaxCharacters;

    /// <summary>The longest passage by sentence: a sentence over it is cut into pieces (<see cref="SentencePieces.MaxCharacters"/>; tests lower it).</summary>
    public int MaxPassageCharacters { get; init; } = SentencePieces.MaxCharacters;

    /// <summary>The sentences scored and profiled: those found, a long one cut into pieces.</summary>
    private SentencePieces Pieces => new(Model.Featurizer.Matcher, MaxPassageCharacters);

    /// <summary>The model in use.</summary>
    public ThemeModel Model { get; } = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Classifies every passage of every document, in document order, then passage order.</summary>
    public IEnumerable<(Document Document, IReadOnlyList<ClassifiedPassage> Passages)> Classify(IEnumerable<Document> documents, CancellationToken cancellationToken = default) =>
        Classify(documents, (document, passages) => (document, passages), cancellationToken);

    /// <summary>
    /// Classifies every passage of every document and hands each document's passages to <paramref name="then"/>
    /// (for a directly scored model on the worker threads, so that it can format them there); the results come
    /// back in document order.
    /// </summary>
    public IEnumerable<T> Classify<T>(IEnumerable<Document> documents, Func<Document, IReadOnlyList<ClassifiedPassage>, T> then, CancellationToken cancellationToken = default) =>
        Classify(documents, then, null, cancellationToken);

    /// <summary>
    /// As <see cref="Classify{T}(IEnumerable{Document}, Func{Document, IReadOnlyList{ClassifiedPassage}, T}, CancellationToken)"/>;
    /// a document classified in windows (<see cref="InWindows"/>) is handed to <paramref name="inWindows"/>
    /// instead, on the calling thread once every result before it has been taken, to go through its
    /// windows' passages (<see cref="ClassifyInWindows"/>) without holding them all. Without it, such a
    /// document's passages are gathered and given to <paramref name="then"/>.
    /// </summary>
    public IEnumerable<T> Classify<T>(IEnumerable<Document> documents, Func<Document, IReadOnlyList<ClassifiedPassage>, T> then, Func<Document, T>? inWindows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(then);
        inWindows ??= document => then(document, [.. ClassifyInWindows(document, cancellationToken).SelectMany(passages => passages)]);
        return Model.CanScoreDirectly ? ClassifyDirectly(documents, then, inWindows, cancellationToken) : ClassifyInBatches(documents, then, cancellationToken);
    }

    /// <summary>Whether <paramref name="document"/> is classified in windows: its text stays in its file, the unit is the sentence and the model is scored directly.</summary>
    public bool InWindows(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsStreamed && unit == PassageUnit.Sentence && Model.CanScoreDirectly;
    }

    /// <summary>
    /// The sentences of a document whose text stays in its file, classified a window at a time: the
    /// passages the whole document gives (same indexes, offsets, texts and probabilities), in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">The document is not one to classify in windows (<see cref="InWindows"/>).</exception>
    public IEnumerable<IReadOnlyList<ClassifiedPassage>> ClassifyInWindows(Document document, CancellationToken cancellationToken = default)
    {
        if (!InWindows(document))
        {
            throw new InvalidOperationException("Only a document whose text stays in its file is classified by sentence in windows.");
        }

        return Windows(document, cancellationToken);
    }

    /// <summary>
    /// <see cref="ClassifyInWindows"/>, each window's passages handed to <paramref name="window"/>, or the document
    /// skipped: one that cannot be read to its end (its file changed between the readings, a stretch with no place
    /// to cut it, a byte that no longer decodes) is reported to <paramref name="problems"/>, named with the error's
    /// own message and fix, and false is returned; the windows handed over before are the caller's to take back.
    /// Only reading the document is caught: what <paramref name="window"/> throws goes on.
    /// </summary>
    /// <returns>Whether the document was classified to its end.</returns>
    public bool TryClassifyInWindows(Document document, ProblemLog problems, Action<IReadOnlyList<ClassifiedPassage>> window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(window);
        using var windows = ClassifyInWindows(document, cancellationToken).GetEnumerator();
        while (true)
        {
            try
            {
                if (!windows.MoveNext())
                {
                    return true;
                }
            }
            catch (InputException e)
            {
                problems.Report(Problem.Skipped(document.Id, e));
                return false;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Report(Problem.CannotRead(document.Id, e));
                return false;
            }

            window(windows.Current);
        }
    }

    private IEnumerable<IReadOnlyList<ClassifiedPassage>> Windows(Document document, CancellationToken cancellationToken)
    {
        // The profile first: per theme, the share of the document's sentences with a hit, added up as ProfileOf does.
        var featurizer = Model.Featurizer;
        var pieces = Pieces;
        var sums = new float[featurizer.ThemeCount];
        var count = 0;
        foreach (var window in SentenceWindows.Read(document.OpenText, document.Id, pieces, windowCharacters, cancellationToken, MaxWindowCharacters))
        {
            // A window's sentences are matched on every core, and counted here in order.
            var texts = Texts(window);
            var windowHits = new int[texts.Length][];
            Parallel.For(0, texts.Length, Options(cancellationToken), i => windowHits[i] = featurizer.LexiconHits(texts[i]));
            foreach (var hits in windowHits)
            {
                for (var t = 0; t < sums.Length; t++)
                {
                    sums[t] += hits[t] > 0 ? 1 : 0;
                }

                count++;
            }
        }

        var profile = count == 0 ? new float[featurizer.ThemeCount] : sums.Select(s => s / count).ToArray();
        var index = 0;
        foreach (var window in SentenceWindows.Read(document.OpenText, document.Id, pieces, windowCharacters, cancellationToken, MaxWindowCharacters))
        {
            var texts = Texts(window);
            var passages = new ClassifiedPassage[texts.Length];
            var first = index;
            Parallel.For(0, texts.Length, Options(cancellationToken), i =>
            {
                var sentence = window.Sentences[i];
                var probabilities = Model.ScoreDirect(featurizer.LexiconHits(texts[i]), profile);
                passages[i] = new ClassifiedPassage(document.Id, first + i, window.Offset + sentence.Start, window.Offset + sentence.End, texts[i], Model.Decide(probabilities), probabilities);
            });
            index += texts.Length;
            yield return passages;
        }
    }

    /// <summary>The texts of a window's sentences.</summary>
    private static string[] Texts(SentenceWindows.Window window)
    {
        var texts = new string[window.Sentences.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = window.Text(i);
        }

        return texts;
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };

    private IEnumerable<T> ClassifyDirectly<T>(IEnumerable<Document> documents, Func<Document, IReadOnlyList<ClassifiedPassage>, T> then, Func<Document, T> inWindows, CancellationToken cancellationToken)
    {
        // The documents held in memory go through on every core, up to the next one classified in windows,
        // which goes through on this thread once they are all taken.
        using var source = documents.GetEnumerator();
        var more = true;
        Document? windowed = null;
        while (more)
        {
            foreach (var result in InParallel(Held(), then, cancellationToken))
            {
                yield return result;
            }

            if (windowed is not null)
            {
                yield return inWindows(windowed);
                windowed = null;
            }
        }

        IEnumerable<Document> Held()
        {
            while (source.MoveNext())
            {
                if (InWindows(source.Current))
                {
                    windowed = source.Current;
                    yield break;
                }

                yield return source.Current;
            }

            more = false;
        }
    }

    private IEnumerable<T> InParallel<T>(IEnumerable<Document> documents, Func<Document, IReadOnlyList<ClassifiedPassage>, T> then, CancellationToken cancellationToken)
    {
        // The documents are read in order on one thread at a time (the source is not thread-safe and need not be);
        // segmenting, matching, scoring and whatever then does run on every core; the results keep the input order.
        // One document at a time from the source (no read-ahead in chunks): memory stays a few documents per core.
        var results = System.Collections.Concurrent.Partitioner.Create(documents, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering).AsParallel().AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithCancellation(cancellationToken)
            .Select(document => then(document, ClassifyDirectly(document)));
        using var enumerator = results.GetEnumerator();
        while (true)
        {
            T current;
            try
            {
                if (!enumerator.MoveNext())
                {
                    yield break;
                }

                current = enumerator.Current;
            }
            catch (AggregateException e) when (e.InnerExceptions.Count >= 1)
            {
                // PLINQ wraps what a worker or the source threw; the first is what a sequential run would have met.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
                throw;
            }

            yield return current;
        }
    }

    private IReadOnlyList<ClassifiedPassage> ClassifyDirectly(Document document)
    {
        var text = document.Text;
        var segments = TextSegmenter.Instance.Segment(text);
        var scored = Pieces.Of(text, segments.Sentences);
        var sentences = new string[scored.Count];
        var sentenceHits = new int[sentences.Length][];
        for (var i = 0; i < sentences.Length; i++)
        {
            sentences[i] = text[scored[i].Start..scored[i].End];
            sentenceHits[i] = Model.Featurizer.LexiconHits(sentences[i]);
        }

        var profile = Model.Featurizer.ProfileOf(sentenceHits);
        var spans = Spans(segments, scored, text);
        var passages = new ClassifiedPassage[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, end, passage) = spans[i];
            // A sentence passage is the sentence whose hits are known already.
            var hits = unit == PassageUnit.Sentence ? sentenceHits[i] : Model.Featurizer.LexiconHits(passage);
            var probabilities = Model.ScoreDirect(hits, profile);
            passages[i] = new ClassifiedPassage(document.Id, i, start, end, unit == PassageUnit.Sentence ? sentences[i] : passage, Model.Decide(probabilities), probabilities);
        }

        return passages;
    }

    /// <summary>The passages of a segmented text: its sentences (<paramref name="sentences"/>: long ones cut into pieces), paragraphs, or the whole (from the first paragraph to the end of the last).</summary>
    private List<(int Start, int End, string Text)> Spans(SegmentedText segments, IReadOnlyList<TextSegment> sentences, string text) => unit switch
    {
        PassageUnit.Sentence => [.. sentences.Select(s => (s.Start, s.End, string.Empty))],
        PassageUnit.Paragraph => [.. segments.Passages().Select(p => (p.Start, p.End, text[p.Start..p.End]))],
        _ => segments.Paragraphs.Count == 0 ? [] : [(segments.Paragraphs[0].Start, segments.Paragraphs[^1].End, text[segments.Paragraphs[0].Start..segments.Paragraphs[^1].End])],
    };

    private IEnumerable<T> ClassifyInBatches<T>(IEnumerable<Document> documents, Func<Document, IReadOnlyList<ClassifiedPassage>, T> then, CancellationToken cancellationToken)
    {
        var pending = new List<(Document Document, List<(int Start, int End, string Text)> Spans, float[] Profile)>();
        var pendingPassages = 0;
        foreach (var document in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var segments = TextSegmenter.Instance.Segment(document.Text);
            var scored = Pieces.Of(document.Text, segments.Sentences);
            var sentences = scored.Select(s => document.Text[s.Start..s.End]).ToArray();
            var spans = unit == PassageUnit.Sentence
                ? scored.Select((s, i) => (s.Start, s.End, sentences[i])).ToList()
                : Spans(segments, scored, document.Text);
            pending.Add((document, spans, Model.Featurizer.DocumentProfile(sentences)));
            pendingPassages += spans.Count;
            if (pendingPassages >= batchPassages)
            {
                foreach (var (done, passages) in Flush(pending))
                {
                    yield return then(done, passages);
                }

                pending.Clear();
                pendingPassages = 0;
            }
        }

        foreach (var (done, passages) in Flush(pending))
        {
            yield return then(done, passages);
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
