using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CommonProsperity.Nlp.Text;

/// <summary>
/// The hash of a token key, computed once as the tokenizer adds the token (<see cref="TokenBuffer.KeyHash"/>)
/// and used by the matcher's tables, so that a lookup does not hash the key again: the length and the
/// first and last four characters (overlapping in short keys), read as two 64-bit words; a one-character
/// key is its character. Constant time,
/// no loop, and good enough for the few hundred distinct tokens of a lexicon.
/// </summary>
internal static class TokenKeyHash
{
    /// <summary>The hash of <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Of(ReadOnlySpan<char> key)
    {
        if (key.Length == 1)
        {
            return key[0]; // most tokens of Chinese text: kept cheap
        }

        ulong head, tail;
        if (key.Length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(key);
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes[^8..]);
        }
        else
        {
            head = key.Length > 0 ? key[0] : 0u;
            tail = key.Length > 1 ? ((ulong)key[^1] << 16) | key[1] : 0u; // two or three characters
        }

        var hash = ((head * 0x9E3779B97F4A7C15) ^ (tail * 0xC2B2AE3D27D4EB4F)) + (ulong)key.Length;
        return (uint)(hash ^ (hash >> 32));
    }
}
