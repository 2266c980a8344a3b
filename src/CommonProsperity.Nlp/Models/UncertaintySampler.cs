using CommonProsperity.Nlp.Text;

namespace CommonProsperity.Nlp.Models;

/// <summary>
/// Active learning: picks the passages the model is least sure about, and not near-duplicates of
/// each other, for a person to label next. A passage's uncertainty is how close its closest theme
/// probability is to that theme's threshold (0 = on the threshold; the themes within half the way to 0 or 1
/// are listed as uncertain); passages are taken from most to
/// least uncertain, skipping any whose word set overlaps an already chosen one by more than half
/// (Jaccard), and fragments under five tokens (headings, which the codebook leaves unlabelled).
/// <para>Passages are added as they are classified, and only the most uncertain are kept (at most
/// <see cref="MaxKept"/> of them and <see cref="MaxKeptCharacters"/> characters of text), not every passage of
/// the corpus: the choice is that of all the passages whenever it is made among passages more uncertain than any let
/// go for room (<see cref="Complete"/>), which only many near-duplicates among the most uncertain passages prevent. A passage
/// with the same word set as a more uncertain one is never chosen (it overlaps that one, or what that one
/// overlaps, wholly), so it is not kept either.</para>
/// </summary>
/// <param name="model">The model whose thresholds the passages are measured against.</param>
/// <param name="count">How many passages to choose.</param>
internal sealed class UncertaintySampler(ThemeModel model, int count)
{
    /// <summary>The passages kept at least (more when more are asked for: 64 a passage asked for).</summary>
    public const int DefaultKept = 20_000;

    /// <summary>The characters of kept passages' text at least: 4 Mi (8 MiB of text, some 60 MB with their word sets), and a longest passage's more a passage asked for.</summary>
    public const long DefaultKeptCharacters = 4L << 20;

    private const double MaxOverlap = 0.5;

    private readonly ThemeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    private readonly SortedSet<Candidate> _kept = new(CandidateOrder.Instance);

    private readonly Dictionary<string, Candidate> _byWords = new(StringComparer.Ordinal);

    private long _characters;

    /// <summary>The most uncertain passage ever let go for room (here or in a sampler added): every passage added that is more uncertain is kept.</summary>
    private Candidate? _floor;

    private long _sequence;

    /// <summary>How many passages to choose.</summary>
    public int Count { get; } = count >= 1 ? count : throw new ArgumentOutOfRangeException(nameof(count));

    /// <summary>The most passages kept (<see cref="DefaultKept"/>; tests lower it).</summary>
    public int MaxKept { get; init; } = KeptFor(count);

    /// <summary>The most characters of kept passages' text (<see cref="DefaultKeptCharacters"/>; tests lower it).</summary>
    public long MaxKeptCharacters { get; init; } = KeptCharactersFor(count);

    /// <summary>The passages kept by default when <paramref name="count"/> are asked for: <see cref="DefaultKept"/>, or 64 a passage asked for.</summary>
    public static int KeptFor(int count) => (int)Math.Min(Math.Max(DefaultKept, 64L * count), int.MaxValue);

    /// <summary>The characters kept by default when <paramref name="count"/> sentence pieces are asked for: <see cref="DefaultKeptCharacters"/> and a longest piece's more a passage asked for.</summary>
    public static long KeptCharactersFor(int count) => DefaultKeptCharacters + ((long)count * SentencePieces.MaxCharacters);

    /// <summary>Whether a passage that could have been chosen was let go for room (<see cref="Complete"/> tells whether that mattered).</summary>
    public bool Dropped { get; private set; }

    /// <summary>The passages added (five tokens or more and less).</summary>
    public long Added { get; private set; }

    /// <summary>
    /// Adds a passage of a document in <paramref name="language"/>. Not thread-safe: give each thread (each
    /// document) a sampler of its own and <see cref="Add(UncertaintySampler)"/> them together in document order.
    /// </summary>
    public void Add(ClassifiedPassage passage, string language)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(language);
        Added++;
        var words = CountingTokenizer.Instance.Tokenize(passage.Text).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        if (words.Count < 5)
        {
            return;
        }

        var margin = Enumerable.Range(0, _model.Card.Themes.Count).Min(t => Math.Abs(passage.Probabilities[t] - _model.Card.Themes[t].Threshold));
        Keep(new Candidate(passage, language, margin, words, string.Join('\u0001', words.Order(StringComparer.Ordinal))));
    }

    /// <summary>Adds what another sampler (of the passages of a later document) kept.</summary>
    public void Add(UncertaintySampler other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Added += other.Added;
        Dropped |= other.Dropped;
        LowerFloor(other._floor);
        foreach (var candidate in other._kept)
        {
            Keep(candidate with { Sequence = ++_sequence }); // a later document's, after those of the same id read before
        }
    }

    /// <summary>
    /// Whether <see cref="Select"/> chooses what it would from every passage added: none was let go for room, or it
    /// chose <see cref="Count"/> passages all more uncertain than the most uncertain one let go.
    /// </summary>
    public bool Complete
    {
        get
        {
            if (_floor is null)
            {
                return true;
            }

            var chosen = Choose();
            return chosen.Count >= Count && CandidateOrder.Instance.Compare(chosen[^1], _floor) < 0;
        }
    }

    /// <summary>Chooses up to <see cref="Count"/> passages, most uncertain first.</summary>
    public IReadOnlyList<(ClassifiedPassage Passage, string Language, double Margin, IReadOnlyList<string> UncertainThemes)> Select() =>
        [.. Choose().Select(c => (c.Passage, c.Language, c.Margin, (IReadOnlyList<string>)Enumerable.Range(0, _model.Card.Themes.Count)
            .Where(t => IsNear(c.Passage.Probabilities[t], _model.Card.Themes[t].Threshold))
            .Select(t => _model.Card.Themes[t].Id).ToArray()))];

    private List<Candidate> Choose()
    {
        var chosen = new List<Candidate>();
        foreach (var candidate in _kept)
        {
            if (chosen.Count >= Count)
            {
                break;
            }

            if (chosen.Any(c => Jaccard(c.Words, candidate.Words) > MaxOverlap))
            {
                continue;
            }

            chosen.Add(candidate);
        }

        return chosen;
    }

    private void Keep(Candidate candidate)
    {
        if (_byWords.TryGetValue(candidate.WordsKey, out var same))
        {
            if (CandidateOrder.Instance.Compare(same, candidate) <= 0)
            {
                return; // the same words, more uncertain (or first): this one would never be chosen
            }

            Remove(same);
        }

        _kept.Add(candidate);
        _byWords[candidate.WordsKey] = candidate;
        _characters += candidate.Passage.Text.Length;
        while (_kept.Count > 1 && (_kept.Count > MaxKept || _characters > MaxKeptCharacters))
        {
            var last = _kept.Max!;
            Remove(last);
            LowerFloor(last);
            Dropped = true;
        }
    }

    private void LowerFloor(Candidate? dropped)
    {
        if (dropped is not null && (_floor is null || CandidateOrder.Instance.Compare(dropped, _floor) < 0))
        {
            _floor = dropped;
        }
    }

    private void Remove(Candidate candidate)
    {
        _kept.Remove(candidate);
        _byWords.Remove(candidate.WordsKey);
        _characters -= candidate.Passage.Text.Length;
    }

    /// <summary>Near the threshold: within half the distance to 0 below it, or to 1 above it.</summary>
    private static bool IsNear(double probability, double threshold) =>
        probability >= threshold / 2 && probability <= threshold + (1 - threshold) / 2;

    private static double Jaccard(HashSet<string> a, HashSet<string> b)
    {
        var intersection = a.Count(b.Contains);
        return (double)intersection / (a.Count + b.Count - intersection);
    }

    /// <summary>A passage that may be chosen, with its margin and word set.</summary>
    private sealed record Candidate(ClassifiedPassage Passage, string Language, double Margin, HashSet<string> Words, string WordsKey)
    {
        /// <summary>The order it was merged in: between documents of the same id (two inputs of the same name), the one read first comes first.</summary>
        public long Sequence { get; init; }
    }

    /// <summary>Most uncertain first, then by document and position: the order passages are chosen in.</summary>
    private sealed class CandidateOrder : IComparer<Candidate>
    {
        public static CandidateOrder Instance { get; } = new();

        public int Compare(Candidate? x, Candidate? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var c = x.Margin.CompareTo(y.Margin);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Passage.Document, y.Passage.Document);
            }

            if (c == 0)
            {
                c = x.Passage.Index.CompareTo(y.Passage.Index);
            }

            return c != 0 ? c : x.Sequence.CompareTo(y.Sequence);
        }
    }
}
