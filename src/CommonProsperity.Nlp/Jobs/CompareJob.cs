using System.Globalization;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Discovery;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Output.Charts;

namespace CommonProsperity.Nlp.Jobs;

/// <summary><c>compare</c>: the key words and theme rates of groups of documents, or of the inputs against a second input set.</summary>
/// <param name="lexicon">The lexicon whose themes are compared.</param>
public sealed class CompareJob(Lexicon lexicon)
{
    private readonly DiscoveryRun _run = new(lexicon);

    /// <summary>
    /// Compares groups of documents, by the value of a metadata field (<paramref name="by"/>) or the inputs
    /// against a second input set (<paramref name="reference"/>), and writes <c>keyness.csv</c>,
    /// <c>theme_by_group.csv</c> and their charts.
    /// </summary>
    /// <param name="options">Inputs, output folder, ingestion, charts.</param>
    /// <param name="by">The metadata field to group by, or null with <paramref name="reference"/>.</param>
    /// <param name="reference">A second input set to compare the inputs with, or null with <paramref name="by"/>.</param>
    /// <param name="keyness">The keyness settings.</param>
    /// <param name="language">Compare only documents of this language (so that a comparison by year is not one of languages); null for all.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <exception cref="OptionsException">Neither or both of <paramref name="by"/> and <paramref name="reference"/> are given, or the groups cannot be formed.</exception>
    public DiscoveryResult<Comparison> Run(DiscoveryOptions options, string? by, IReadOnlyList<string>? reference, KeynessOptions keyness,
        string? language = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(keyness);
        keyness.Validate();
        var hasReference = reference is { Count: > 0 };
        if (hasReference)
        {
            DocumentSource.RefuseOutputInside(reference!, options.OutputDirectory);
        }

        if (string.IsNullOrWhiteSpace(by) == !hasReference)
        {
            throw new OptionsException(hasReference ? Wording.Of($"{OptionName.GroupBy} and {OptionName.Versus} were both given.") : Wording.Of($"nothing to compare by."),
                $"Give either a field to group the inputs by ({OptionName.GroupBy}: language, publisher, year, month, or a sources.csv column), or a second set of inputs to compare them with ({OptionName.Versus}).");
        }

        var groupBy = hasReference ? "inputs" : by!.Trim().ToLowerInvariant();
        KeyValuePair<string, string?>[] settings =
        [
            new("by", by), new("vs", hasReference ? string.Join(";", reference!) : null), new("top", DiscoveryRun.Invariant(keyness.Top)),
            new("min_count", DiscoveryRun.Invariant(keyness.MinCount)), new("max_p", keyness.MaxP.ToString(CultureInfo.InvariantCulture)), new("stop_words", keyness.KeepStopWords ? "kept" : "removed"),
            new("language", language),
        ];
        return _run.Run("compare", options, settings, cancellationToken,
            (corpus, warnings) =>
            {
                IReadOnlyList<DocumentGroup> groups;
                if (hasReference)
                {
                    var first = OfLanguage(corpus.Documents, language, warnings);
                    var second = OfLanguage(corpus.Add(reference!, cancellationToken), language, warnings);
                    var (a, b) = SetNames(options.Inputs, reference!);
                    groups = [new DocumentGroup(a, first), new DocumentGroup(b, second)];
                }
                else
                {
                    groups = DocumentFields.Group(OfLanguage(corpus.Documents, language, warnings), by!, warnings);
                }

                var analyzer = _run.Analyzer(options);
                var summaries = groups.Select(g => (g.Name, (IReadOnlyList<DocumentSummary>)corpus.Summaries(analyzer, g.Documents, cancellationToken))).ToList();
                var themes = ThemeComparer.Compare(summaries, _run.Themes);
                var keys = new KeynessAnalyzer(WordExtractor.Default).Compare(groups, keyness, cancellationToken);
                foreach (var group in keys.Groups.Where(g => g.SharedShare < 0.2))
                {
                    warnings.Add(string.Create(CultureInfo.InvariantCulture, $"only {group.SharedShare * 100:F0}% of the words of '{group.Name}' occur in the other group(s) (different languages?), so its keyness list shows its own frequent words rather than a contrast; theme_by_group.csv compares across languages."));
                }

                return new Comparison(groupBy, keys, themes);
            },
            (output, comparison) => options.Charts ? DiscoveryCharts.Compare(output, comparison.By, comparison.Keyness, comparison.Themes, _run.Themes) : [],
            comparison => [DiscoveryReports.Keyness(comparison.By, comparison.Keyness), DiscoveryReports.ThemeByGroup(comparison.By, comparison.Themes)]);
    }

    /// <summary>The documents of <paramref name="language"/> (all when null); the others are left out with a warning.</summary>
    /// <exception cref="OptionsException">No document is in that language.</exception>
    private static List<Document> OfLanguage(IReadOnlyList<Document> documents, string? language, List<string> warnings)
    {
        if (language is null)
        {
            return [.. documents];
        }

        var kept = documents.Where(d => string.Equals(d.Metadata.Language, language, StringComparison.OrdinalIgnoreCase)).ToList();
        if (kept.Count == 0)
        {
            throw new OptionsException($"{OptionName.Language} {language}: none of the {documents.Count} document(s) is in that language.",
                $"Use one of the languages the documents have ({string.Join(", ", documents.Select(d => d.Metadata.Language ?? "und").Distinct().Order(StringComparer.Ordinal))}), or leave the option out.");
        }

        if (kept.Count < documents.Count)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{documents.Count - kept.Count} of {documents.Count} document(s) in other languages than '{language}' were left out."));
        }

        return kept;
    }

    /// <summary>Names for two input sets: their last path parts (joined with +), or "inputs" and "reference" when those coincide.</summary>
    private static (string First, string Second) SetNames(IReadOnlyList<string> first, IReadOnlyList<string> second)
    {
        static string Name(IReadOnlyList<string> paths) =>
            string.Join("+", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(p)))));
        var (a, b) = (Name(first), Name(second));
        return string.Equals(a, b, StringComparison.Ordinal) || a.Length == 0 || b.Length == 0 ? ("inputs", "reference") : (a, b);
    }
}
