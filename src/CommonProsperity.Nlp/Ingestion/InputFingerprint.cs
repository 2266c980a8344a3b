using System.Security.Cryptography;
using System.Text;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// What makes the shards of one run recognisable as such: every input file's path (relative to its
/// input folder) and the SHA-256 of its content, in listing order, and one hash over that list. Each
/// shard computes it over all the files, its own and the others', so that shards run on folders with
/// the same names but other content are told apart (a list of paths alone would match). It costs one
/// extra read of the whole input per shard, streamed with little memory.
/// </summary>
internal static class InputFingerprint
{
    /// <summary>The hash written for a file that could not be read while fingerprinting (its analysis says why).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The SHA-256 of no bytes: what an empty file, and anything of length 0 that is not a regular file (a pipe, a device), hashes to.</summary>
    private static readonly string EmptySha256 = Convert.ToHexStringLower(SHA256.HashData([]));

    /// <summary>Hashes every file of the listing, in order.</summary>
    public static (string Sha256, IReadOnlyList<KeyValuePair<string, string>> Files) Compute(IReadOnlyList<SourceFile> files, CancellationToken cancellationToken)
    {
        var list = new List<KeyValuePair<string, string>>(files.Count);
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            list.Add(new(file.RelativePath, HashOf(file.FullPath, cancellationToken)));
        }

        return (Of(list), list);
    }

    /// <summary>The one hash over a list of files and their content hashes.</summary>
    public static string Of(IReadOnlyList<KeyValuePair<string, string>> files)
    {
        using var all = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, sha256) in files)
        {
            all.AppendData(Encoding.UTF8.GetBytes(path + "\t" + sha256 + "\n"));
        }

        return Convert.ToHexStringLower(all.GetHashAndReset());
    }

    private static string HashOf(string path, CancellationToken cancellationToken)
    {
        try
        {
            // Length 0 is never opened: a named pipe would block the open until a writer came.
            if (new FileInfo(path).Length == 0)
            {
                return EmptySha256;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, FileOptions.SequentialScan);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer.AsSpan(0, read));
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Unreadable;
        }
    }
}
