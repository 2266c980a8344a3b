using System.Text;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Writes large single-line text files quickly (a repeated ASCII chunk, no line break).</summary>
internal static class LargeText
{
    /// <summary>The repeated chunk: 12 tokens, no lexicon term, no sentence end (a '.' before a lower-case word).</summary>
    public const string Chunk = "lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor. ";

    public const int ChunkTokens = 12;

    /// <summary>
    /// Writes about <paramref name="bytes"/> bytes: <paramref name="marker"/> at the start, in the middle and at
    /// the end, the chunk repeated in between. Returns how many times the chunk was written.
    /// </summary>
    public static long Write(string path, long bytes, string marker)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var chunk = Encoding.ASCII.GetBytes(Chunk);
        var block = new byte[chunk.Length * 4096];
        for (var i = 0; i < 4096; i++)
        {
            chunk.CopyTo(block, i * chunk.Length);
        }

        var half = Math.Max(1, bytes / block.Length / 2);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        stream.Write(Encoding.ASCII.GetBytes(marker));
        for (var i = 0; i < half; i++)
        {
            stream.Write(block);
        }

        stream.Write(Encoding.ASCII.GetBytes(" " + marker));
        for (var i = 0; i < half; i++)
        {
            stream.Write(block);
        }

        stream.Write(Encoding.ASCII.GetBytes(" " + marker.TrimEnd()));
        return half * 2 * 4096;
    }
}
