using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// How many words jieba.NET's accurate mode (<c>Cut(run, cutAll: false, hmm: true)</c>, as
/// <c>ChineseWordSegmenter</c> calls it for the discovery commands) cuts a run of Chinese characters into, computed without
/// jieba.NET and without building a string: the same dictionary and HMM files, the same lexicon words
/// added to the dictionary in the same order, the same route (maximum log-frequency path through the
/// dictionary's word graph, first best on ties), the same handling of the single characters between
/// dictionary words (one word if alone or if together they form a dictionary word, else the HMM's Viterbi
/// cut) and the same floating-point arithmetic, in the same order. Only the count is produced.
/// <para>Why: word counts (<c>per_1000_words</c>) are computed for every document, and jieba.NET costs about
/// 0.7 CPU-seconds to load (a string per dictionary prefix, JSON through Newtonsoft) and a string per
/// candidate word at run time; this loads in a tenth of that and counts without allocating.
/// <c>ChineseWordCounterTests</c> compares it with jieba.NET on every Chinese run of the project's corpus
/// and on generated runs (differential test).</para>
/// Thread-safe: read-only after loading; scratch buffers are per thread.
/// </summary>
internal sealed class ChineseWordCounter
{
    /// <summary>jieba's "impossible" log probability (<c>Constants.MinProb</c>).</summary>
    private const double MinProb = -3.14E+100;

    // HMM states, in jieba's order B, M, E, S.
    private const string StateNames = "BMES";
    private const int B = 0, M = 1, E = 2, S = 3;

    /// <summary>For each state, the states that may precede it, in jieba's order (it matters for ties).</summary>
    private static readonly int[][] PreviousStates = [[E, S], [M, B], [B, M], [S, E]];

    /// <summary>jieba's start log probabilities (<c>FinalSeg.Viterbi</c>), by state.</summary>
    private static readonly double[] StartProbabilities = [-0.26268660809250016, -3.14E+100, -3.14E+100, -1.4652633398537678];

    private static readonly Lazy<ChineseWordCounter> Shared = new(
        () => Load(JiebaResources.Find(), JiebaResources.LexiconWords()), LazyThreadSafetyMode.ExecutionAndPublication);

    [ThreadStatic]
    private static Scratch? _scratch;

    private readonly DictionaryTrie _trie;
    private readonly double _logTotal;
    private readonly double[] _emit; // [state * 65536 + character]
    private readonly double[] _transition; // [from * 4 + to]

    private readonly ChineseWordCounterCache _remembered = new(MaxRemembered);

    private ChineseWordCounter(DictionaryTrie trie, double total, double[] emit, double[] transition)
    {
        _trie = trie;
        _logTotal = Math.Log(total);
        _emit = emit;
        _transition = transition;
    }

    /// <summary>The counter over jieba's files beside the program and the built-in lexicon's Chinese words (loaded on first use, ~0.1 s).</summary>
    public static ChineseWordCounter Instance => Shared.Value;

    /// <summary>
    /// Loads jieba's dictionary (<c>dict.txt</c>) and HMM tables (<c>prob_trans.json</c>, <c>prob_emit.json</c>) from
    /// <paramref name="folder"/>, then adds <paramref name="words"/> as jieba.NET's <c>AddWord(word)</c> does, in order.
    /// </summary>
    public static ChineseWordCounter Load(string folder, IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(words);
        var (trie, total) = LoadDictionary(Path.Combine(folder, "dict.txt"));
        var transition = LoadTransitions(Path.Combine(folder, "prob_trans.json"));
        var emit = LoadEmissions(Path.Combine(folder, "prob_emit.json"));
        foreach (var word in words)
        {
            total = AddWord(trie, total, word);
        }

        return new ChineseWordCounter(trie, total, emit, transition);
    }

    /// <summary>
    /// The number of words in <paramref name="run"/>, a run of Chinese characters (<see cref="CharClass.IsHan(int)"/>;
    /// a surrogate pair counts as two, as jieba.NET cuts it into its two halves).
    /// </summary>
    /// <exception cref="ArgumentException">The run has a character that is not a Chinese character.</exception>
    public int Count(ReadOnlySpan<char> run)
    {
        if (run.Length > MaxRememberedLength)
        {
            return CountRun(run);
        }

        var hash = ChineseWordCounterCache.Hash(run);
        if (_remembered.TryGet(run, hash, out var known))
        {
            return known;
        }

        var count = CountRun(run);
        _remembered.TryAdd(run, hash, count);
        return count;
    }

    /// <summary>
    /// The words of the <paramref name="runs"/> of <paramref name="text"/>, each counted as <see cref="Count(ReadOnlySpan{char})"/>
    /// counts it: all hashed first, each hash's slot read as soon as it is known, then looked up one after the
    /// other, so that the reads of the table (most runs of a large corpus were counted before, in a table of
    /// megabytes) are on their way while the next runs are hashed instead of waiting one by one.
    /// </summary>
    public int Count(ReadOnlySpan<char> text, Runs runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var starts = runs.Starts;
        var lengths = runs.Lengths;
        var hashes = runs.Hashes;
        for (var r = 0; r < runs.Count; r++)
        {
            if (lengths[r] <= MaxRememberedLength)
            {
                hashes[r] = ChineseWordCounterCache.Hash(text.Slice(starts[r], lengths[r]));
                _remembered.Touch(hashes[r]);
            }
            else
            {
                hashes[r] = 0;
            }
        }

        var words = 0;
        for (var r = 0; r < runs.Count; r++)
        {
            var run = text.Slice(starts[r], lengths[r]);
            if (hashes[r] != 0 && _remembered.TryGet(run, hashes[r], out var known))
            {
                words += known;
                continue;
            }

            var count = CountRun(run);
            if (hashes[r] != 0)
            {
                _remembered.TryAdd(run, hashes[r], count);
            }

            words += count;
        }

        return words;
    }

    /// <summary>How many runs' counts <see cref="Count(ReadOnlySpan{char})"/> keeps (policy texts repeat set phrases; a few tens of MB at most).</summary>
    public const int MaxRemembered = 200_000;

    /// <summary>The longest run whose count <see cref="Count(ReadOnlySpan{char})"/> keeps, in characters.</summary>
    public const int MaxRememberedLength = 64;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal int CountRun(ReadOnlySpan<char> run)
    {
        var words = 0;
        var i = 0;
        while (i < run.Length)
        {
            if (!IsDictionaryHan(run[i]))
            {
                // jieba cuts a stretch outside its Chinese range character by character (UTF-16 units).
                if (!CharClass.IsHan(run[i]) && !char.IsSurrogate(run[i]))
                {
                    throw new ArgumentException($"'{run[i]}' (U+{(int)run[i]:X4}) is not a Chinese character; a run holds Chinese characters only.", nameof(run));
                }

                words++;
                i++;
                continue;
            }

            var end = i + 1;
            while (end < run.Length && IsDictionaryHan(run[end]))
            {
                end++;
            }

            words += CountBlock(run[i..end]);
            i = end;
        }

        return words;
    }

    /// <summary>jieba's Chinese block characters (<c>[\u4E00-\u9FD5]</c>); the rest of a Han run is cut character by character.</summary>
    private static bool IsDictionaryHan(char c) => c is >= '\u4E00' and <= '\u9FD5';

    /// <summary>
    /// jieba.NET's <c>CutDag</c>, counted: the best route, then the single characters between its words.
    /// Holds a byte per character of the block (the route's steps) and, for a stretch of single characters
    /// that goes through the HMM, a byte per character of it: a block of any length (a document that is one
    /// run of Chinese characters) costs about 2 bytes per character besides its text.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountBlock(ReadOnlySpan<char> block)
    {
        var scratch = _scratch ??= new Scratch();
        var steps = scratch.Steps(block.Length);
        var longSteps = scratch.LongSteps;
        Route(_trie, _logTotal, block, steps, longSteps, scratch.Ring(_trie.LongestWord));

        var words = 0;
        var bufferStart = 0;
        var bufferLength = 0;
        var x = 0;
        while (x < block.Length)
        {
            var y = x + Step(steps, longSteps, x);
            if (y - x == 1)
            {
                if (bufferLength == 0)
                {
                    bufferStart = x;
                }

                bufferLength++;
            }
            else
            {
                if (bufferLength > 0)
                {
                    words += CountBuffer(block.Slice(bufferStart, bufferLength), scratch);
                    bufferLength = 0;
                }

                words++;
            }

            x = y;
        }

        if (bufferLength > 0)
        {
            words += CountBuffer(block.Slice(bufferStart, bufferLength), scratch);
        }

        return words;
    }

    /// <summary>jieba.NET's <c>AddBufferToWordList</c>, counted.</summary>
    private int CountBuffer(ReadOnlySpan<char> buffer, Scratch scratch)
    {
        if (buffer.Length == 1)
        {
            return 1;
        }

        return _trie.Frequency(buffer) > 0 ? buffer.Length : CountViterbi(buffer, scratch);
    }

    /// <summary>jieba.NET's <c>FinalSeg.Viterbi.ViterbiCut</c> on a block of its Chinese range, counted.</summary>
    /// <remarks>
    /// Keeps, per character, a byte whose bit <c>y</c> tells which of <see cref="PreviousStates"/><c>[y]</c> led to
    /// state <c>y</c> (jieba keeps the state itself), and counts the words while going back (no array of
    /// states). Every probability is finite (a sum of at most 2n + 1 terms of at least <see cref="MinProb"/>),
    /// so the first comparison always succeeds and a choice is always one of the two previous states.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountViterbi(ReadOnlySpan<char> text, Scratch scratch)
    {
        var back = scratch.Back(text.Length);
        Span<double> previous = stackalloc double[4];
        Span<double> current = stackalloc double[4];
        for (var state = 0; state < 4; state++)
        {
            previous[state] = StartProbabilities[state] + _emit[(state << 16) | text[0]];
        }

        for (var j = 1; j < text.Length; j++)
        {
            var choices = 0;
            for (var y = 0; y < 4; y++)
            {
                var emission = _emit[(y << 16) | text[j]];
                var best = double.MinValue;
                var bestFrom = 0;
                var from = PreviousStates[y];
                for (var k = 0; k < from.Length; k++)
                {
                    var y0 = from[k];
                    var probability = previous[y0] + _transition[(y0 * 4) + y] + emission;
                    if (best <= probability)
                    {
                        best = probability;
                        bestFrom = k;
                    }
                }

                current[y] = best;
                choices |= bestFrom << y;
            }

            back[j] = (byte)choices;
            current.CopyTo(previous);
        }

        // Back from the end: a word ends at each E or S; jieba adds the rest as one more word when the last
        // character is neither (never, as the last state is E or S, but counted as jieba counts it).
        var last = previous[E] < previous[S] ? S : E;
        var endsWord = last is E or S;
        var words = 0;
        for (var j = text.Length - 1; ; j--)
        {
            if (last is E or S)
            {
                words++;
            }

            if (j == 0)
            {
                break;
            }

            last = PreviousStates[last][(back[j] >> last) & 1];
        }

        return endsWord ? words : words + 1;
    }

    /// <summary>
    /// jieba.NET's <c>GetDag</c> and <c>Calc</c> in one pass from the end: for each position the length of the
    /// word on the best route from it (<paramref name="steps"/>; 0 for a word longer than 255 characters, whose
    /// length is in <paramref name="longSteps"/>), the first of equally good ends in ascending order.
    /// <para>The best log probability from each position goes into <paramref name="ring"/> (a power of two
    /// longer than <see cref="DictionaryTrie.LongestWord"/>) at the position modulo its length: position i
    /// reads only positions i + 1 to i + the longest word, which are still there, so every value and every
    /// sum is the one jieba computes with an array over the whole block (same operations, same order).</para>
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Route(DictionaryTrie trie, double logTotal, ReadOnlySpan<char> block, Span<byte> steps, Dictionary<int, int> longSteps, Span<double> ring)
    {
        var n = block.Length;
        var mask = ring.Length - 1;
        longSteps.Clear();
        ring[n & mask] = 0.0;
        for (var i = n - 1; i >= 0; i--)
        {
            var best = double.MinValue;
            var bestEnd = -1;
            if (trie.BranchOf(block[i]) is { } branch)
            {
                var node = DictionaryTrie.Branch.Root;
                var log = branch.RootLog;
                for (var x = i; ;)
                {
                    if (log >= 0)
                    {
                        // A word (frequency at least 1): jieba's log(frequency) - log(total) + the best from its end.
                        var candidate = log - logTotal + ring[(x + 1) & mask];
                        if (best < candidate)
                        {
                            best = candidate;
                            bestEnd = x;
                        }
                    }

                    if (++x == n || (node = branch.Step(node, block[x], out log)) < 0)
                    {
                        break;
                    }
                }
            }

            if (bestEnd < 0)
            {
                // Not a word: jieba counts the character alone with frequency 1 (log 1 = 0).
                best = 0.0 - logTotal + ring[(i + 1) & mask];
                bestEnd = i;
            }

            ring[i & mask] = best;
            var step = bestEnd - i + 1;
            if (step <= byte.MaxValue)
            {
                steps[i] = (byte)step;
            }
            else
            {
                steps[i] = 0;
                longSteps[i] = step;
            }
        }
    }

    /// <summary>The length of the route's word from position <paramref name="x"/>, as <see cref="Route"/> left it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Step(byte[] steps, Dictionary<int, int> longSteps, int x) => steps[x] is var step and > 0 ? step : longSteps[x];

    /// <summary>jieba.NET's <c>JiebaSegmenter.AddWord(word)</c>: a frequency suggested from its cut without the HMM, then <c>WordDictionary.AddWord</c>.</summary>
    private static double AddWord(DictionaryTrie trie, double total, string word)
    {
        var probability = 1.0;
        var i = 0;
        var logTotal = Math.Log(total);
        while (i < word.Length)
        {
            if (!IsDictionaryHan(word[i]))
            {
                probability *= (double)FrequencyOrDefault(trie, word.AsSpan(i, 1)) / total;
                i++;
                continue;
            }

            var end = i + 1;
            while (end < word.Length && IsDictionaryHan(word[end]))
            {
                end++;
            }

            var block = word.AsSpan(i, end - i);
            var scratch = new Scratch();
            var steps = scratch.Steps(block.Length);
            Route(trie, logTotal, block, steps, scratch.LongSteps, scratch.Ring(trie.LongestWord));
            for (var x = 0; x < block.Length;)
            {
                var y = x + Step(steps, scratch.LongSteps, x);
                probability *= (double)FrequencyOrDefault(trie, block[x..y]) / total;
                x = y;
            }

            i = end;
        }

        var frequency = Math.Max((int)(probability * total) + 1, FrequencyOrDefault(trie, word));
        var old = trie.Frequency(word);
        if (old > 0)
        {
            total -= old;
        }

        trie.Add(word, 0, word.Length, frequency);
        return total + frequency;
    }

    private static int FrequencyOrDefault(DictionaryTrie trie, ReadOnlySpan<char> word) => trie.Frequency(word) is var f and > 0 ? f : 1;

    /// <summary>
    /// jieba.NET's <c>WordDictionary.LoadDict</c>: "word frequency [tag]" per line; the total is the sum of all lines' frequencies.
    /// Read as UTF-8 bytes, which the dictionary keeps (a word is decoded when its branch is built).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (DictionaryTrie Trie, double Total) LoadDictionary(string path)
    {
        byte[] utf8;
        try
        {
            utf8 = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw Missing(path, e);
        }

        var text = utf8.AsSpan();
        var position = text.StartsWith("\uFEFF"u8) ? 3 : 0;
        var trie = new DictionaryTrie(utf8, text.Count((byte)'\n') + 1);
        var total = 0.0;
        var lineNumber = 0;
        while (position < text.Length)
        {
            lineNumber++;
            var lineEnd = text[position..].IndexOfAny((byte)'\r', (byte)'\n');
            var line = lineEnd < 0 ? text[position..] : text.Slice(position, lineEnd);
            var lineStart = position;
            position = lineEnd < 0 ? text.Length : position + lineEnd + (text[position + lineEnd] == '\r' && position + lineEnd + 1 < text.Length && text[position + lineEnd + 1] == '\n' ? 2 : 1);
            var space = line.IndexOf((byte)' ');
            if (space < 0)
            {
                continue;
            }

            var field = line[(space + 1)..];
            var fieldEnd = field.IndexOf((byte)' ');
            if (fieldEnd >= 0)
            {
                field = field[..fieldEnd];
            }

            if (!int.TryParse(field, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var frequency))
            {
                throw new CommonProsperityException($"{path}, line {lineNumber}: '{Encoding.UTF8.GetString(field)}' is not a word frequency.",
                    fix: "Reinstall or rebuild the tool; the build copies jieba.NET's dictionary unchanged into the 'jieba' folder.");
            }

            trie.AddUtf8(lineStart, space, frequency);
            total += frequency;
        }

        return (trie, total);
    }

    private static double[] LoadTransitions(string path)
    {
        var transition = new double[16];
        Array.Fill(transition, MinProb);
        foreach (var (from, to, value) in ReadTable(path))
        {
            var toState = StateNames.IndexOf(to);
            if (toState < 0)
            {
                throw Unexpected(path, to.ToString());
            }

            transition[(from * 4) + toState] = value;
        }

        return transition;
    }

    private static double[] LoadEmissions(string path)
    {
        var emit = new double[4 << 16];
        Array.Fill(emit, MinProb);
        foreach (var (state, character, value) in ReadTable(path))
        {
            emit[(state << 16) | character] = value;
        }

        return emit;
    }

    /// <summary>A JSON object of states to objects of one-character keys to log probabilities (read without reflection).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static List<(int State, char Key, double Value)> ReadTable(string path)
    {
        byte[] json;
        try
        {
            json = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw Missing(path, e);
        }

        var entries = new List<(int State, char Key, double Value)>();
        var reader = new Utf8JsonReader(json);
        Span<char> name = stackalloc char[4];
        var state = -1;
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        depth++;
                        break;
                    case JsonTokenType.EndObject:
                        depth--;
                        break;
                    case JsonTokenType.PropertyName when depth == 1:
                        state = reader.CopyString(name) == 1 ? StateNames.IndexOf(name[0]) : -1;
                        if (state < 0)
                        {
                            throw Unexpected(path, reader.GetString() ?? "");
                        }

                        break;
                    case JsonTokenType.PropertyName when depth == 2:
                        if (reader.ValueSpan.Length > 12 || reader.CopyString(name) != 1)
                        {
                            throw Unexpected(path, reader.GetString() ?? "");
                        }

                        var key = name[0];
                        reader.Read();
                        entries.Add((state, key, reader.GetDouble()));
                        break;
                    default:
                        throw Unexpected(path, reader.TokenType.ToString());
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new CommonProsperityException($"{path}: not a table of HMM log probabilities ({e.Message}).",
                fix: "Reinstall or rebuild the tool; the build copies jieba.NET's HMM tables unchanged into the 'jieba' folder.");
        }

        return entries;
    }

    private static CommonProsperityException Unexpected(string path, string entry) =>
        new($"{path}: unexpected entry '{entry}'; expected the states B, M, E, S and single characters.",
            fix: "Reinstall or rebuild the tool; the build copies jieba.NET's HMM tables unchanged into the 'jieba' folder.");

    private static CommonProsperityException Missing(string path, IOException e) =>
        new($"the Chinese word dictionary file {path} cannot be read: {e.Message}",
            fix: "Reinstall or rebuild the tool; the build copies jieba.NET's dictionary into a 'jieba' folder next to CommonProsperity.Nlp.dll.");

    /// <summary>The runs of Chinese characters of one text, where each starts and how long it is (a scratch list, reused).</summary>
    internal sealed class Runs
    {
        public int[] Starts { get; private set; } = new int[256];

        public int[] Lengths { get; private set; } = new int[256];

        /// <summary>Room for each run's hash (filled by <see cref="ChineseWordCounter.Count(ReadOnlySpan{char}, Runs)"/>).</summary>
        public ulong[] Hashes { get; private set; } = new ulong[256];

        public int Count { get; private set; }

        public void Add(int start, int length)
        {
            if (Count == Starts.Length)
            {
                Starts = [.. Starts, .. new int[Count]];
                Lengths = [.. Lengths, .. new int[Count]];
                Hashes = new ulong[Count * 2];
            }

            Starts[Count] = start;
            Lengths[Count] = length;
            Count++;
        }

        public void Clear() => Count = 0;
    }

    /// <summary>
    /// Per-thread buffers for one block: arrays up to <see cref="Kept"/> bytes are kept and reused; a longer
    /// block gets arrays of its own, dropped after it, so that a thread does not keep what one huge run needed.
    /// </summary>
    private sealed class Scratch
    {
        private const int Kept = 1 << 16;

        private byte[] _steps = new byte[256];
        private byte[] _back = new byte[256];
        private double[] _ring = [];

        /// <summary>The route's words longer than a byte holds, by position (almost always none).</summary>
        public Dictionary<int, int> LongSteps { get; } = [];

        /// <summary>Room for a byte per character of a block of <paramref name="length"/> characters (the route's steps).</summary>
        public byte[] Steps(int length) => Room(ref _steps, length);

        /// <summary>Room for a byte per character of a stretch of <paramref name="length"/> characters (the HMM's choices).</summary>
        public byte[] Back(int length) => Room(ref _back, length);

        /// <summary>A ring of best log probabilities longer than <paramref name="longestWord"/>, its length a power of two.</summary>
        public double[] Ring(int longestWord)
        {
            if (_ring.Length <= longestWord)
            {
                _ring = new double[(int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)longestWord + 1)];
            }

            return _ring;
        }

        private static byte[] Room(ref byte[] kept, int length)
        {
            if (length <= kept.Length)
            {
                return kept;
            }

            if (length > Kept)
            {
                return new byte[length];
            }

            kept = new byte[Math.Min(Kept, Math.Max(length, kept.Length * 2))];
            return kept;
        }
    }
}
