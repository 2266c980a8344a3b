using System.Security.Cryptography;
using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>
/// <see cref="EvidenceAppender"/> with a large document's rows written straight in at its turn
/// (<see cref="EvidenceAppender.OpenDirect"/>): the file and its hash hold every document's rows in input
/// order, and rows taken back out leave the file and the hash as if never written.
/// </summary>
public sealed class EvidenceAppenderTests
{
    private static readonly byte[] Preamble = Encoding.UTF8.GetBytes("document,term\n");

    [Theory]
    [InlineData(false, true, "document,term\na,one\r\nb,two\nb,three\nc,four\r\n")]
    [InlineData(false, false, "document,term\na,one\r\nc,four\r\n")]
    [InlineData(true, true, "document,term\na,one\r\nb,two\nb,three\nc,four\r\n")]
    [InlineData(true, false, "document,term\na,one\r\nc,four\r\n")]
    public void OpenDirect_RowsKeptOrUndone_FileAndHashHoldTheKeptDocumentsInOrder(bool readTwice, bool keep, string expected)
    {
        // Arrange
        using var temp = new TempDirectory();
        var path = temp.File("evidence.csv");
        using var appender = new EvidenceAppender(path, Preamble);
        appender.Append(Report("a", "a,one\n"));

        // Act
        var direct = appender.OpenDirect();
        if (readTwice)
        {
            // With --dedupe a document that repeats itself is read again, its first reading's rows taken back out.
            direct.Write("b,first reading\n"u8);
            direct.Undo();
        }

        direct.Write("b,two\n"u8);
        direct.Write("b,three\n"u8);
        if (keep)
        {
            direct.Keep();
        }
        else
        {
            direct.Undo(); // the document was skipped (or left out as a duplicate) after all
        }

        appender.Append(Report("c", "c,four\n"));
        var sha256 = appender.Complete();

        // Assert
        Assert.Equal(expected, File.ReadAllText(path));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), sha256);
    }

    private static DocumentReport Report(string id, string rows)
    {
        var buffer = new CsvRowBuffer();
        foreach (var field in rows.TrimEnd('\n').Split(','))
        {
            buffer.WriteField(field);
        }

        buffer.EndRecord();
        return new DocumentReport(new DocumentSummary(id, DocumentMetadata.Empty, DocumentNumberValues.Of(new Dictionary<string, long> { ["tokens"] = 1 }), []), 1, [], buffer);
    }
}
