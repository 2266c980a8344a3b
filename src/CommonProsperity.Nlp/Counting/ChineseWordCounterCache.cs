using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// The word counts <see cref="ChineseWordCounter"/> remembers, by run: an open-addressing table of 64-byte
/// slots (hash, word count and, up to <see cref="InlineLength"/> characters, the run itself; a longer run's
/// characters in one array beside), read without locks. Policy texts repeat their set phrases, so nearly
/// every run of a large corpus has been counted before (the 50 MB bench corpus: 1.4 million runs, 19,000
/// distinct, 10.6 characters on average), and the lookup is what word counting costs: one slot, one
/// cache line or two, in a table that grows with the distinct runs (4 MB for the bench corpus). A run is
/// hashed once with XxHash3 over its UTF-16 units (ordinal; the table holds at most <c>capacity</c> runs,
/// so keys chosen against the hash could only make it slower, never wrong) and compared in full on a hash match.
/// <para>Why not <c>ConcurrentDictionary</c>: its alternate lookup by span went through the shared generic
/// comparer, an entry object and a string, about 400 ns per run on the bench corpus (12% of a Chinese
/// <c>analyze</c>), and adding checked its <c>Count</c>, which takes every lock.</para>
/// Thread-safe: adding takes a lock, writes a slot's count and characters first and its hash last
/// (a release), and a reader reads the hash first (an acquire), so it sees a whole entry or none; a table
/// that grows is copied and the copy published whole, and a reader still on the old one at worst misses
/// a run added meanwhile and counts it again (the same count).
/// </summary>
internal sealed class ChineseWordCounterCache
{
    /// <summary>The longest run kept inside its slot.</summary>
    public const int InlineLength = 24;

    private const int InitialSlots = 1024;

    private readonly int _capacity;
    private readonly Lock _adding = new();
    private Table _table = new(InitialSlots, InitialSlots * 8);

    /// <summary>A table for at most <paramref name="capacity"/> runs.</summary>
    public ChineseWordCounterCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    /// <summary>The runs remembered so far.</summary>
    public int Count => Volatile.Read(ref _table).Count;

    /// <summary>The hash <see cref="TryGet"/> and <see cref="TryAdd"/> take for <paramref name="run"/> (never 0, which marks an empty slot).</summary>
    public static ulong Hash(ReadOnlySpan<char> run) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(run)) | 1;

    /// <summary>The remembered count of <paramref name="run"/> (whose <see cref="Hash"/> is <paramref name="hash"/>), if any.</summary>
    public bool TryGet(ReadOnlySpan<char> run, ulong hash, out int count)
    {
        var table = Volatile.Read(ref _table);
        var slots = table.Slots;
        for (var i = (int)hash & table.Mask; ; i = (i + 1) & table.Mask)
        {
            ref var slot = ref slots[i];
            var slotHash = Volatile.Read(ref slot.Hash);
            if (slotHash == 0)
            {
                count = 0;
                return false;
            }

            if (slotHash == hash && slot.Length == run.Length && run.SequenceEqual(table.RunOf(ref slot)))
            {
                count = slot.Count;
                return true;
            }
        }
    }

    /// <summary>
    /// Reads the first slot a lookup of <paramref name="hash"/> reads (a read the compiler keeps), so that its
    /// cache line is on its way while the caller does other work; changes nothing.
    /// </summary>
    public void Touch(ulong hash)
    {
        var table = Volatile.Read(ref _table);
        _ = Volatile.Read(ref table.Slots[(int)hash & table.Mask].Hash);
    }

    /// <summary>
    /// Remembers <paramref name="count"/> for <paramref name="run"/>, unless the table holds its capacity already
    /// or the run is longer than <see cref="ushort.MaxValue"/> characters.
    /// </summary>
    public void TryAdd(ReadOnlySpan<char> run, ulong hash, int count)
    {
        ArgumentOutOfRangeException.ThrowIfZero(hash);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ushort.MaxValue);
        if (run.Length > ushort.MaxValue)
        {
            return;
        }

        lock (_adding)
        {
            var table = _table;
            if (table.Count >= _capacity || TryGet(run, hash, out _))
            {
                return; // full, or another thread remembered it meanwhile
            }

            if ((table.Count + 1) * 2 > table.Slots.Length || (run.Length > InlineLength && table.Used + run.Length > table.Characters.Length))
            {
                table = table.Grown(run.Length);
                Volatile.Write(ref _table, table);
            }

            table.Add(run, hash, count);
        }
    }

    /// <summary>Room for <see cref="InlineLength"/> characters in a slot.</summary>
    [InlineArray(InlineLength)]
    private struct InlineRun
    {
        private char _first;
    }

    /// <summary>One slot, 64 bytes: hash 0 for an empty one, else the run's hash, length and word count, and its characters (or where they are).</summary>
    private struct Slot
    {
        public ulong Hash;
        public int Start;
        public ushort Length;
        public ushort Count;
        public InlineRun Inline;
    }

    /// <summary>Slots (a power of two, at most half full) and the characters of the runs too long for a slot, end to end.</summary>
    private sealed class Table(int slots, int characters)
    {
        public Slot[] Slots { get; } = new Slot[slots];

        public int Mask { get; } = slots - 1;

        public char[] Characters { get; } = new char[characters];

        /// <summary>The characters in use (the rest is free).</summary>
        public int Used { get; private set; }

        /// <summary>The runs held.</summary>
        public int Count { get; private set; }

        /// <summary>The run a slot holds.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ReadOnlySpan<char> RunOf(ref Slot slot) =>
            slot.Length <= InlineLength ? MemoryMarshal.CreateReadOnlySpan(ref slot.Inline[0], slot.Length) : Characters.AsSpan(slot.Start, slot.Length);

        /// <summary>A copy with twice the slots when they are half full, and room for <paramref name="length"/> more characters.</summary>
        public Table Grown(int length)
        {
            var slots = (Count + 1) * 2 > Slots.Length ? Slots.Length * 2 : Slots.Length;
            var grown = new Table(slots, Math.Max(Characters.Length * 2, Used + length));
            for (var i = 0; i < Slots.Length; i++)
            {
                ref var slot = ref Slots[i];
                if (slot.Hash != 0)
                {
                    grown.Add(RunOf(ref slot), slot.Hash, slot.Count);
                }
            }

            return grown;
        }

        /// <summary>Adds a run not held yet (under the lock): its characters and count first, its hash last.</summary>
        public void Add(ReadOnlySpan<char> run, ulong hash, int count)
        {
            var i = (int)hash & Mask;
            while (Slots[i].Hash != 0)
            {
                i = (i + 1) & Mask;
            }

            ref var slot = ref Slots[i];
            if (run.Length <= InlineLength)
            {
                run.CopyTo(slot.Inline);
            }
            else
            {
                run.CopyTo(Characters.AsSpan(Used));
                slot.Start = Used;
                Used += run.Length;
            }

            slot.Length = (ushort)run.Length;
            slot.Count = (ushort)count;
            Volatile.Write(ref slot.Hash, hash);
            Count++;
        }
    }
}
