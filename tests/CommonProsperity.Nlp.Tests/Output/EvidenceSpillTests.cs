using System.Text;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>
/// A large document's evidence rows (<see cref="EvidenceSpill"/>): written once, straight into the
/// evidence file from the document's turn on, through a temporary file only before it; given up, they
/// leave nothing behind.
/// </summary>
public sealed class EvidenceSpillTests
{
    [Fact]
    public void Attach_RowsBeforeAndAfterTheTurn_AllInTheTargetInOrderAndNoneLeftToCopy()
    {
        // Arrange
        using var temp = new TempDirectory();
        var target = new MemoryTarget();
        var spill = new EvidenceSpill(temp.File("spill.tmp"));
        spill.Add(Rows("a,1\n", "b,2\n"));

        // Act
        spill.Attach(target);
        spill.Add(Rows("c,3\n"));
        var left = spill.TakeChunks().ToList();

        // Assert
        Assert.Empty(left);
        Assert.Equal("a,1\r\nb,2\r\nc,3\r\n", target.Text);
        Assert.True(target.Kept);
        Assert.Equal(3, spill.Records);
        Assert.Equal(15, spill.Length);
        Assert.Equal(10, spill.SpilledBytes); // only the rows made before the turn went through the temporary file
    }

    [Fact]
    public void Attach_BeforeAnyRows_NoTemporaryFileAtAll()
    {
        using var temp = new TempDirectory();
        var target = new MemoryTarget();
        var spill = new EvidenceSpill(temp.File("spill.tmp"));

        spill.Attach(target);
        spill.Add(Rows("a,1\n"));
        spill.Add(Rows("b,2\n"));
        _ = spill.TakeChunks().ToList();

        Assert.Equal("a,1\r\nb,2\r\n", target.Text);
        Assert.Equal(0, spill.SpilledBytes);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Dispose_AfterTheTurn_TakesTheRowsBackOutOfTheTarget()
    {
        using var temp = new TempDirectory();
        var target = new MemoryTarget();
        var spill = new EvidenceSpill(temp.File("spill.tmp"));
        spill.Add(Rows("a,1\n"));
        spill.Attach(target);
        spill.Add(Rows("b,2\n"));

        spill.Dispose(); // the document is skipped after all

        Assert.Equal(string.Empty, target.Text);
        Assert.False(target.Kept);
    }

    [Fact]
    public void TakeChunks_WithoutATurn_HandsOutTheRowsFromTheTemporaryFile()
    {
        using var temp = new TempDirectory();
        var spill = new EvidenceSpill(temp.File("spill.tmp"));
        spill.Add(Rows("a,1\n"));
        spill.Add(Rows("b,2\n"));

        var text = new StringBuilder();
        foreach (var chunk in spill.TakeChunks())
        {
            text.Append(Encoding.UTF8.GetString(chunk.Written));
            chunk.Release();
        }

        Assert.Equal("a,1\r\nb,2\r\n", text.ToString());
        Assert.Equal(10, spill.SpilledBytes);
        spill.Attach(new MemoryTarget()); // too late: nothing happens
    }

    private static CsvRowBuffer Rows(params string[] rows)
    {
        var buffer = new CsvRowBuffer();
        foreach (var row in rows)
        {
            var fields = row.TrimEnd('\n').Split(',');
            foreach (var field in fields)
            {
                buffer.WriteField(field);
            }

            buffer.EndRecord();
        }

        return buffer;
    }

    /// <summary>An evidence file in memory.</summary>
    private sealed class MemoryTarget : IEvidenceTarget
    {
        private readonly MemoryStream _bytes = new();

        public bool Kept { get; private set; }

        public string Text => Encoding.UTF8.GetString(_bytes.ToArray());

        public void Write(ReadOnlySpan<byte> rows) => _bytes.Write(rows);

        public void Keep() => Kept = true;

        public void Undo() => _bytes.SetLength(0);
    }
}
