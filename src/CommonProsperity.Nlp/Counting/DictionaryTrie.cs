using System.Runtime.CompilerServices;
using System.Text;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// A word dictionary as a character trie (every prefix of a word is a node, as in jieba's prefix
/// dictionary), built lazily by first character: the words are listed once, and the branch of a first
/// character is built the first time a text asks for it, so a corpus with a few Chinese runs builds
/// a few branches instead of the dictionary's 500,000 prefixes. The listed words stay where they were
/// read: in the dictionary file's UTF-8 bytes (kept as read, 5 MB, instead of a 10 MB string and a tuple
/// per word) or, for the few words added by the program, in their strings. Each branch keeps its
/// children in one small open-addressing table keyed by (node, character). Thread-safe: branches are
/// built under a lock and published whole, then only read.
/// </summary>
internal sealed class DictionaryTrie
{
    private readonly Branch?[] _branches = new Branch?[char.MaxValue + 1];
    private readonly int[] _firstWord = new int[char.MaxValue + 1];
    private readonly int[] _lastWord = new int[char.MaxValue + 1];
    private readonly byte[] _utf8;
    private readonly List<string> _strings = [];
    private readonly Lock _gate = new();

    // Per listed word: where it is (from 0: its first byte in _utf8; below 0: ~index in _strings), its length
    // (bytes or characters), its frequency and the next word with its first character (-1 after the last).
    private int[] _where;
    private int[] _length;
    private int[] _frequency;
    private int[] _nextWord;
    private int _words;
    private int _longestWord;

    /// <summary>An empty dictionary, for words added as strings.</summary>
    public DictionaryTrie()
        : this([], 0)
    {
    }

    /// <summary>A dictionary whose words will be added from <paramref name="utf8"/> (<see cref="AddUtf8"/>), about <paramref name="capacity"/> of them.</summary>
    public DictionaryTrie(byte[] utf8, int capacity)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        _utf8 = utf8;
        capacity = Math.Max(capacity, 16);
        _where = new int[capacity];
        _length = new int[capacity];
        _frequency = new int[capacity];
        _nextWord = new int[capacity];
        Array.Fill(_firstWord, -1);
    }

    /// <summary>
    /// Adds a word, last to its first character's list (a word listed twice takes its last frequency);
    /// <paramref name="text"/> is kept and the word read from it when its branch is built. For loading
    /// only: not thread-safe, and not to be called once other threads read the dictionary.
    /// </summary>
    public void Add(string text, int start, int length, int frequency)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (length == 0)
        {
            return;
        }

        var word = start == 0 && length == text.Length ? text : text.Substring(start, length);
        _strings.Add(word);
        List(word[0], ~(_strings.Count - 1), length, frequency);
        _branches[word[0]]?.Set(word.AsSpan(1), frequency);
    }

    /// <summary>As <see cref="Add"/> for the word of <paramref name="length"/> bytes at <paramref name="start"/> of the UTF-8 the dictionary was made with.</summary>
    public void AddUtf8(int start, int length, int frequency)
    {
        if (length == 0)
        {
            return;
        }

        Span<char> buffer = stackalloc char[256];
        var word = Decode(start, length, buffer);
        List(word[0], start, length, frequency);
        _branches[word[0]]?.Set(word[1..], frequency);
    }

    /// <summary>The branch of the words that begin with <paramref name="c"/> (its root is the prefix <paramref name="c"/>), or null when none does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Branch? BranchOf(char c) => Volatile.Read(ref _branches[c]) ?? Build(c);

    /// <summary>
    /// At least the length in characters of the longest word listed so far (a word from the UTF-8 counts its
    /// bytes, never fewer than its characters): no word, and so no step of the best-route walk, is longer.
    /// </summary>
    public int LongestWord => _longestWord;

    /// <summary>The frequency of <paramref name="word"/>, 0 when it is not in the dictionary or only a prefix.</summary>
    public int Frequency(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || BranchOf(word[0]) is not { } branch)
        {
            return 0;
        }

        var node = Branch.Root;
        foreach (var c in word[1..])
        {
            node = branch.Child(node, c);
            if (node < 0)
            {
                return 0;
            }
        }

        return branch.FrequencyOf(node);
    }

    private void List(char first, int where, int length, int frequency)
    {
        if (_words == _where.Length)
        {
            var size = _words * 2;
            Array.Resize(ref _where, size);
            Array.Resize(ref _length, size);
            Array.Resize(ref _frequency, size);
            Array.Resize(ref _nextWord, size);
        }

        var index = _words++;
        _longestWord = Math.Max(_longestWord, length);
        _where[index] = where;
        _length[index] = length;
        _frequency[index] = frequency;
        _nextWord[index] = -1;
        if (_firstWord[first] < 0)
        {
            _firstWord[first] = index;
        }
        else
        {
            _nextWord[_lastWord[first]] = index;
        }

        _lastWord[first] = index;
    }

    /// <summary>The characters of the listed word <paramref name="index"/>, in <paramref name="buffer"/> when it fits.</summary>
    private ReadOnlySpan<char> Word(int index, Span<char> buffer) =>
        _where[index] < 0 ? _strings[~_where[index]] : Decode(_where[index], _length[index], buffer);

    private ReadOnlySpan<char> Decode(int start, int length, Span<char> buffer)
    {
        var bytes = _utf8.AsSpan(start, length);
        if (bytes.Length > buffer.Length)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        return buffer[..Encoding.UTF8.GetChars(bytes, buffer)];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Branch? Build(char c)
    {
        lock (_gate)
        {
            if (_branches[c] is { } built)
            {
                return built;
            }

            if (_firstWord[c] < 0)
            {
                return null;
            }

            Span<char> buffer = stackalloc char[256];
            var characters = 0;
            for (var w = _firstWord[c]; w >= 0; w = _nextWord[w])
            {
                characters += Word(w, buffer).Length - 1;
            }

            var branch = new Branch(characters);
            for (var w = _firstWord[c]; w >= 0; w = _nextWord[w])
            {
                branch.Set(Word(w, buffer)[1..], _frequency[w]);
            }

            Volatile.Write(ref _branches[c], branch);
            return branch;
        }
    }

    /// <summary>
    /// The words that begin with one character: node frequencies in an array, children in a table of (node, character) → child
    /// packed in one <see cref="ulong"/>, beside the child's <c>Math.Log</c> frequency, so that the best-route walk
    /// (<see cref="Step"/>) reads one slot per character instead of a slot and two arrays (three cache misses in a large branch).
    /// </summary>
    internal sealed class Branch
    {
        /// <summary>The node of the first character alone.</summary>
        public const int Root = 0;

        /// <summary>What <see cref="RootLog"/> and <see cref="Step"/> give for a prefix that is not a word (a word's is at least log 1 = 0).</summary>
        public const double NotAWord = -1.0;

        private Slot[] _table;
        private int _mask;
        private int _entries;
        private int[] _frequencies;
        private int _nodes = 1;

        /// <summary>A branch with room for the nodes of words of <paramref name="characters"/> characters after their first, in all.</summary>
        public Branch(int characters)
        {
            var capacity = 16;
            while (capacity < characters * 2)
            {
                capacity *= 2;
            }

            _table = new Slot[capacity];
            _mask = capacity - 1;
            _frequencies = new int[Math.Max(characters, 1) + 1];
        }

        /// <summary><c>Math.Log</c> of the first character's frequency as a word, or <see cref="NotAWord"/>.</summary>
        public double RootLog { get; private set; } = NotAWord;

        /// <summary>The child of <paramref name="node"/> by <paramref name="c"/>, or -1 when no word continues so.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Child(int node, char c)
        {
            var key = Key(node, c);
            var table = _table;
            var mask = table.Length - 1;
            for (var slot = Slot.Index(key, mask); ; slot = (slot + 1) & mask)
            {
                var entry = table[slot].Entry;
                if (entry >> 20 == key)
                {
                    return (int)(entry & 0xFFFFF);
                }

                if (entry == 0)
                {
                    return -1;
                }
            }
        }

        /// <summary>
        /// As <see cref="Child"/>, with the child's <c>Math.Log</c> frequency in <paramref name="log"/> (<see cref="NotAWord"/>
        /// for a prefix that is not a word), read from the same slot.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Step(int node, char c, out double log)
        {
            var key = Key(node, c);
            var table = _table;
            var mask = table.Length - 1;
            for (var slot = Slot.Index(key, mask); ; slot = (slot + 1) & mask)
            {
                ref var found = ref table[slot];
                var entry = found.Entry;
                if (entry >> 20 == key)
                {
                    log = found.Log;
                    return (int)(entry & 0xFFFFF);
                }

                if (entry == 0)
                {
                    log = NotAWord;
                    return -1;
                }
            }
        }

        /// <summary>The frequency of the word ending at <paramref name="node"/> (0 for a prefix that is not a word).</summary>
        public int FrequencyOf(int node) => _frequencies[node];

        /// <summary>Sets the frequency of the word that continues the first character with <paramref name="rest"/>, adding its prefixes (frequency 0) when new.</summary>
        public void Set(ReadOnlySpan<char> rest, int frequency)
        {
            var log = frequency > 0 ? Math.Log(frequency) : NotAWord;
            if (rest.IsEmpty)
            {
                _frequencies[Root] = frequency;
                RootLog = log;
                return;
            }

            var node = Root;
            var last = rest.Length - 1;
            for (var i = 0; i <= last; i++)
            {
                var child = Child(node, rest[i]);
                if (child < 0)
                {
                    child = AddNode();
                    Insert(new Slot((Key(node, rest[i]) << 20) | (uint)child, NotAWord));
                }

                if (i == last)
                {
                    SetLog(node, rest[i], log);
                }

                node = child;
            }

            _frequencies[node] = frequency;
        }

        // Node numbers take 20 bits (a branch of more than a million prefixes is refused), the key
        // (node, character) the 36 above them; 0 is an empty slot (no entry points at the root).
        private static ulong Key(int node, char c) => ((ulong)node << 16) | c;

        private void SetLog(int node, char c, double log)
        {
            var key = Key(node, c);
            for (var slot = Slot.Index(key, _mask); ; slot = (slot + 1) & _mask)
            {
                if (_table[slot].Entry >> 20 == key)
                {
                    _table[slot].Log = log;
                    return;
                }
            }
        }

        private int AddNode()
        {
            if (_nodes == 1 << 20)
            {
                throw new InvalidOperationException("a dictionary branch of more than 1,048,576 prefixes is not supported.");
            }

            if (_nodes == _frequencies.Length)
            {
                Array.Resize(ref _frequencies, _nodes * 2);
            }

            return _nodes++;
        }

        private void Insert(Slot entry)
        {
            if ((_entries + 1) * 2 > _table.Length)
            {
                var old = _table;
                _table = new Slot[old.Length * 2];
                _mask = _table.Length - 1;
                foreach (var e in old)
                {
                    if (e.Entry != 0)
                    {
                        Place(e);
                    }
                }
            }

            Place(entry);
            _entries++;
        }

        private void Place(Slot entry)
        {
            var slot = Slot.Index(entry.Entry >> 20, _mask);
            while (_table[slot].Entry != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _table[slot] = entry;
        }

        /// <summary>A child: (node, character) and child node packed, and the child's log frequency.</summary>
        private struct Slot(ulong entry, double log)
        {
            public ulong Entry = entry;
            public double Log = log;

            public static int Index(ulong key, int mask) => (int)((key * 0x9E3779B97F4A7C15UL) >> 32) & mask;
        }
    }
}
