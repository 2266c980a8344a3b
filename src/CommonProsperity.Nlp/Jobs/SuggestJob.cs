using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// <c>suggest</c> (active learning): the passages a model is least sure of, written in the labelled-data
/// format with the model's themes filled in, for a person to correct and train on. A document that cannot
/// be read is skipped (one problem naming it), with none of its passages among those chosen from.
/// </summary>
/// <param name="model">The model.</param>
public sealed class SuggestJob(ThemeModel model)
{
    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>Called after each window's passages of a document classified in windows are taken (tests change its file there, part-way through it).</summary>
    internal Action<Document>? WindowClassified { get; init; }

    /// <summary>The most passages kept to choose from (<see cref="UncertaintySampler.MaxKept"/>; tests lower it).</summary>
    internal int? MaxKept { get; init; }

    /// <summary>The most characters of sentences kept to choose from (<see cref="UncertaintySampler.MaxKeptCharacters"/>; tests lower it). Paragraphs and documents are bounded in number only.</summary>
    internal long? MaxKeptCharacters { get; init; }

    /// <summary>
    /// Chooses up to <paramref name="count"/> passages of the inputs and writes them to the file <see cref="PassageOptions.Output"/>.
    /// The documents stream through: each one's text is released once its passages are classified, and only the most
    /// uncertain passages are kept (<see cref="UncertaintySampler"/>), not every passage.
    /// </summary>
    public PassageResult Run(PassageOptions options, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Ingestion);
        var inputs = new JobInputs(options.Inputs, options.Output, options.Ingestion);
        var documents = inputs.Read(cancellationToken);
        var sampler = Sampler(count, options.Unit);
        var classifiedDocuments = 0;
        var classifier = new DocumentClassifier(_model, options.Unit, windowCharacters: options.WindowCharacters) { MaxWindowCharacters = options.MaxWindowCharacters, MaxPassageCharacters = options.MaxPassageCharacters };
        var classified = classifier.Classify(
            documents,
            // On the worker threads: each document's passages go to a sampler of its own, and its text is released (a large PDF's temporary file deleted).
            (document, passages) =>
            {
                var own = Sampler(count, options.Unit);
                AddAll(own, document, passages);
                document.ReturnText();
                return own;
            },
            document => ClassifyInWindows(document, classifier, count, inputs.Problems, cancellationToken),
            cancellationToken);
        foreach (var own in classified)
        {
            if (own is null)
            {
                continue; // skipped, its problem reported
            }

            classifiedDocuments++;
            sampler.Add(own);
        }

        if (classifiedDocuments == 0)
        {
            // Every document read was skipped while it was classified in windows: as when none could be read, nothing is written.
            throw DocumentSource.NoneRead(inputs.FilesFound, inputs.Problems.Skipped);
        }

        var chosen = sampler.Select();
        if (!sampler.Complete)
        {
            var characters = sampler.MaxKeptCharacters == long.MaxValue ? string.Empty : string.Create(System.Globalization.CultureInfo.InvariantCulture, $" and {sampler.MaxKeptCharacters:N0} characters");
            inputs.Problems.Report(Problem.Warning(options.Output,
                string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{options.Output}: {chosen.Count:N0} {(chosen.Count == 1 ? "passage was" : "passages were")} chosen, not {count:N0}, from the passages kept to choose from (the most uncertain, at most {sampler.MaxKept:N0} passages{characters}): those more uncertain than the first let go for room ran out, most of them near-duplicates of those chosen; the choice may differ from one among all passages."),
                "Ask for fewer passages, or choose from fewer documents at a time (a folder of them)."));
        }

        SuggestionWriter.Write(options.Output, _model, [.. chosen.Select(c => (c.Passage, c.Margin, c.UncertainThemes))],
            chosen.GroupBy(c => c.Passage.Document, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Language, StringComparer.Ordinal));
        return new PassageResult(classifiedDocuments, sampler.Added, chosen.Count, inputs.Problems.All);
    }

    /// <summary>A sampler for <paramref name="count"/> passages; a paragraph or a document is not cut to a sentence piece's length, so those passages are bounded in number only (held as before this bound).</summary>
    private UncertaintySampler Sampler(int count, PassageUnit unit) => new(_model, count)
    {
        MaxKept = MaxKept ?? UncertaintySampler.KeptFor(count),
        MaxKeptCharacters = unit == PassageUnit.Sentence ? MaxKeptCharacters ?? UncertaintySampler.KeptCharactersFor(count) : long.MaxValue,
    };

    private static void AddAll(UncertaintySampler sampler, Document document, IReadOnlyList<ClassifiedPassage> passages)
    {
        var language = document.Metadata.Language ?? "und";
        foreach (var passage in passages)
        {
            sampler.Add(passage, language);
        }
    }

    /// <summary>
    /// The passages of a document read in windows, kept as <paramref name="count"/> asks, or null when it cannot be read to its end (its file changed
    /// between the readings, a stretch with no place to cut it, a byte that no longer decodes): it is skipped, its
    /// problem reported to <paramref name="problems"/>, and none of its passages are chosen from.
    /// </summary>
    private UncertaintySampler? ClassifyInWindows(Document document, DocumentClassifier classifier, int count, ProblemLog problems, CancellationToken cancellationToken)
    {
        try
        {
            var own = Sampler(count, PassageUnit.Sentence); // only sentences are read in windows
            return classifier.TryClassifyInWindows(document, problems, window =>
            {
                AddAll(own, document, window);
                WindowClassified?.Invoke(document);
            }, cancellationToken) ? own : null;
        }
        finally
        {
            document.ReturnText();
        }
    }
}
