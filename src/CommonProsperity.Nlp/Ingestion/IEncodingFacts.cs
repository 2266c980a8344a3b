using System.Text;

namespace CommonProsperity.Nlp.Ingestion;

/// <summary>
/// What a first pass over a file's bytes knows, from which <see cref="EncodingDecision.Decide"/> decides
/// its encoding: a file read whole answers from its bytes, a file read as a stream
/// (<see cref="StreamedTextFile"/>) from what its hashing pass saw and, for the last question, a scan.
/// </summary>
internal interface IEncodingFacts
{
    /// <summary>The file's first bytes: the whole file, or at least its first <see cref="TextDecoder.DetectorSample"/> bytes.</summary>
    ReadOnlySpan<byte> Head { get; }

    /// <summary>The file's size in bytes.</summary>
    long Length { get; }

    /// <summary>True when all of the file's bytes are valid UTF-8.</summary>
    bool IsValidUtf8 { get; }

    /// <summary>True when the file holds a zero byte.</summary>
    bool HasZeroByte { get; }

    /// <summary>True when the whole file is valid in <paramref name="encoding"/> and reads as Chinese text in it.</summary>
    bool ReadsAsChinese(Encoding encoding);
}
