using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommonProsperity.Nlp.Errors;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// One part of a run split across machines: shard <see cref="Index"/> of <see cref="Count"/>, counted
/// from 0 so that a Kubernetes Indexed Job's <c>JOB_COMPLETION_INDEX</c> or a Slurm array's
/// <c>SLURM_ARRAY_TASK_ID</c> (with <c>--array=0-N-1</c>) can be passed as it is. A file belongs to the
/// shard picked by a hash of its path relative to its input folder: the same on every machine and in
/// every run (unlike <see cref="string.GetHashCode()"/>), whatever the order in which files are listed.
/// </summary>
/// <param name="Index">The shard, from 0 to <paramref name="Count"/> - 1.</param>
/// <param name="Count">How many shards the run is split into.</param>
public sealed record ShardSpec(int Index, int Count)
{
    /// <summary>Reads <c>I/N</c>, as in <c>--shard 0/4</c>.</summary>
    /// <exception cref="OptionsException">The text is not two numbers with 0 ≤ I &lt; N.</exception>
    public static ShardSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            throw new OptionsException($"{OptionName.Shard} {text} is not of the form I/N.",
                $"Give the shard's index and the number of shards, counting from 0: {OptionName.Shard} 0/4 ... {OptionName.Shard} 3/4.");
        }

        return new ShardSpec(index, count).Validate();
    }

    /// <summary>Checks that the index lies in 0 .. Count - 1.</summary>
    /// <exception cref="OptionsException">It does not.</exception>
    public ShardSpec Validate()
    {
        if (Count < 1 || Index < 0 || Index >= Count)
        {
            throw new OptionsException($"{OptionName.Shard} {this} is out of range.",
                $"Shards count from 0: with {Math.Max(Count, 1)} shard(s) use 0/{Math.Max(Count, 1)} to {Math.Max(Count, 1) - 1}/{Math.Max(Count, 1)}.");
        }

        return this;
    }

    /// <summary>True when the file at <paramref name="relativePath"/> (relative to its input folder, with <c>/</c>) belongs to this shard.</summary>
    public bool Contains(string relativePath) => (int)(StableHash(relativePath) % (ulong)Count) == Index;

    /// <summary>The first 8 bytes of the SHA-256 of the UTF-8 path: stable across machines, runs and .NET versions.</summary>
    public static ulong StableHash(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(relativePath), hash);
        return BinaryPrimitives.ReadUInt64LittleEndian(hash);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
