using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Lexicons;

/// <summary>
/// A read-only map from token text to id for the matcher's hot loop, which asks it about every token
/// of every document and is mostly told "no". Open addressing in a table kept at most a quarter full,
/// so that a miss usually costs one hash and one probe; the keys sit side by side in one array.
/// About three times faster than a <see cref="Dictionary{TKey, TValue}"/> alternate lookup here,
/// which pays for its generality with interface calls.
/// </summary>
internal sealed class TokenIdTable
{
    private readonly int[] _slots; // index into _entries + 1; 0 = empty
    private readonly Entry[] _entries;
    private readonly char[] _chars;
    private readonly int _mask;

    /// <summary>Builds the table from distinct keys and their ids.</summary>
    public TokenIdTable(IReadOnlyCollection<KeyValuePair<string, int>> keys)
    {
        var size = 16;
        while (size < keys.Count * 4)
        {
            size *= 2;
        }

        _mask = size - 1;
        _slots = new int[size];
        _entries = new Entry[keys.Count];
        _chars = new char[keys.Sum(k => k.Key.Length)];
        var at = 0;
        var index = 0;
        foreach (var (key, id) in keys)
        {
            key.CopyTo(_chars.AsSpan(at));
            var hash = Hash(key);
            _entries[index] = new Entry(hash, at, key.Length, id);
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = index + 1;
            at += key.Length;
            index++;
        }
    }

    /// <summary>The id of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        var hash = Hash(key);
        var slot = (int)hash & _mask;
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            ref readonly var candidate = ref _entries[entry - 1];
            if (candidate.Hash == hash && key.SequenceEqual(_chars.AsSpan(candidate.Start, candidate.Length)))
            {
                return candidate.Id;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>A multiplicative hash over four characters at a time (most words take one or two steps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> key)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)key.Length * Multiplier;
        var blocks = MemoryMarshal.Cast<char, ulong>(key);
        foreach (var block in blocks)
        {
            hash = (hash ^ block) * Multiplier;
        }

        for (var i = blocks.Length * 4; i < key.Length; i++)
        {
            hash = (hash ^ key[i]) * Multiplier;
        }

        return (uint)(hash ^ (hash >> 29));
    }

    private readonly record struct Entry(uint Hash, int Start, int Length, int Id);
}
