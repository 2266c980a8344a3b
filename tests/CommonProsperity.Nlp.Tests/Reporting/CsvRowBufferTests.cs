using System.Text;
using CommonProsperity.Nlp.Reporting;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Reporting;

/// <summary>The fast evidence-row formatter writes exactly what CsvHelper writes with the report options.</summary>
public class CsvRowBufferTests
{
    private const string Alphabet = "ab ,\"\r\n=@+-\t'’共同。，\u00A0\u3000x1\uD800\uDC00";

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Rows_RandomFields_MatchCsvHelperByteForByte(int seed)
    {
        var random = new Random(seed);
        var fields = random.Next(1, 10);
        var rows = Enumerable.Range(0, 2000).Select(_ => RandomRow(random, fields)).ToList();

        Assert.Equal(WithCsvHelper(rows), WithBuffer(rows));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("-5")]
    [InlineData("=SUM(A1)")]
    [InlineData("\tindented")]
    [InlineData("a,b")]
    [InlineData("say \"hi\"")]
    [InlineData("+\"x\"")]
    [InlineData("line\nbreak")]
    [InlineData("lone \uD800 surrogate")]
    public void Rows_EdgeCases_MatchCsvHelperByteForByte(string text)
    {
        List<object?[]> single = [[text], [text]];
        List<object?[]> pairs = [[text, 1L], [1L, text], [text, text]];

        Assert.Equal(WithCsvHelper(single), WithBuffer(single));
        Assert.Equal(WithCsvHelper(pairs), WithBuffer(pairs));
    }

    [Fact]
    public void Encode_ThenWriteEncodedField_EqualsWriteField()
    {
        var direct = new CsvRowBuffer();
        direct.WriteField("x");
        direct.WriteField("=a,b");
        direct.EndRecord();
        var cached = new CsvRowBuffer();
        cached.WriteField("x");
        cached.WriteEncodedField(CsvRowBuffer.Encode("=a,b"));
        cached.EndRecord();

        Assert.Equal(direct.Written.ToArray(), cached.Written.ToArray());
        Assert.Equal(1, cached.Records);
    }

    private static object?[] RandomRow(Random random, int count)
    {
        var fields = new object?[count];
        for (var f = 0; f < fields.Length; f++)
        {
            if (random.Next(4) == 0)
            {
                fields[f] = (long)random.Next(-100, 100000);
                continue;
            }

            var text = new StringBuilder();
            var length = random.Next(0, 12);
            for (var c = 0; c < length; c++)
            {
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            fields[f] = text.ToString();
        }

        return fields;
    }

    private static byte[] WithCsvHelper(List<object?[]> rows)
    {
        using var temp = new TempDirectory();
        var path = temp.File("rows.csv");
        using (var csv = CsvReport.Create(path))
        {
            foreach (var row in rows)
            {
                csv.WriteRow(row);
            }
        }

        return File.ReadAllBytes(path)[3..];
    }

    private static byte[] WithBuffer(List<object?[]> rows)
    {
        var buffer = new CsvRowBuffer(16);
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                if (field is long number)
                {
                    buffer.WriteField(number);
                }
                else
                {
                    buffer.WriteField((string)field!);
                }
            }

            buffer.EndRecord();
        }

        var bytes = buffer.Written.ToArray();
        buffer.Release();
        return bytes;
    }
}
