using System.Text;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

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

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WriteRecord_RandomCellsOfEveryKind_MatchCsvHelperByteForByte(int seed)
    {
        // The cells a report's column declarations give: texts, integers, rates, precise numbers, nothing.
        var random = new Random(seed);
        double[] specials = [0, -0.0, 0.00005, 0.99995, -0.00004, 1e-12, 123456.78901, -7.5, 1e20, double.MaxValue, double.NaN, double.PositiveInfinity];
        var fields = random.Next(1, 10);
        var rows = Enumerable.Range(0, 2000).Select(_ => RandomRow(random, fields).Select(cell => random.Next(6) switch
        {
            0 => random.Next(3) == 0 ? specials[random.Next(specials.Length)] : (random.NextDouble() * 2) - 0.5,
            1 => random.Next(-1000, 1000),
            2 => new PreciseNumber(random.NextDouble() * Math.Pow(10, random.Next(-8, 9))),
            3 => null,
            _ => cell,
        }).ToArray()).ToList();

        var buffer = new CsvRowBuffer(16);
        foreach (var row in rows)
        {
            buffer.WriteRecord(row);
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetString(WithCsvHelper(rows)), System.Text.Encoding.UTF8.GetString(buffer.Written));
        Assert.Equal(rows.Count, buffer.Records);
        buffer.Release();
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

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WriteCollapsedField_RandomText_EqualsWriteFieldOfTheCollapsedText(int seed)
    {
        const string Characters = "ab ,\"\r\n\t=@+-'’共同。，\u00A0\u3000\u2028\u0085x1\uD800\uDC00é  \u3001\u2FFF\uDBFF\uDFFF\uE000\uFFFF\uFF0C社会主义";
        AssertCollapsedAsWriteField(new Random(seed), 50, random => Characters[random.Next(Characters.Length)]);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WriteCollapsedField_RandomProse_EqualsWriteFieldOfTheCollapsedText(int seed)
    {
        // Mostly printable ASCII with single spaces, so that runs of eight take the vectorised path, with now
        // and then what stops it: a second space, a quote, a comma, a line end, a tab, a non-ASCII letter or
        // space, a character just outside printable ASCII, and a formula mark at the start.
        const string Plain = "abcdefghijklmnopqrstuvwxyzABC0123456789.;:()!?'-_/~ ";
        const string Rare = " \",\r\n\t=@+-\u007F\u001Fé’—\u00A0\u3000共";
        AssertCollapsedAsWriteField(new Random(seed), 90,
            random => random.Next(12) == 0 ? Rare[random.Next(Rare.Length)] : Plain[random.Next(Plain.Length)]);
    }

    [Fact]
    public void WriteCollapsedField_EveryCharacterPastTheIdeographicSpace_IsWrittenAsWriteFieldWritesIt()
    {
        // WriteCollapsedField transcodes stretches of characters past U+3000 at once: none may be whitespace.
        for (var start = 0x3001; start <= char.MaxValue; start += 64)
        {
            var text = new string([.. Enumerable.Range(start, Math.Min(64, char.MaxValue + 1 - start)).Select(c => (char)c)]);
            Assert.DoesNotContain(text, char.IsWhiteSpace);
            var expected = new CsvRowBuffer(16);
            expected.WriteField(text);
            var actual = new CsvRowBuffer(16);
            actual.WriteCollapsedField(text, trimStart: true, trimEnd: true);

            Assert.Equal(expected.Written.ToArray(), actual.Written.ToArray());
        }
    }

    /// <summary>3,000 random texts of up to <paramref name="maxLength"/> characters: each written collapsed is what <see cref="Collapse"/> of it writes.</summary>
    private static void AssertCollapsedAsWriteField(Random random, int maxLength, Func<Random, char> nextCharacter)
    {
        for (var n = 0; n < 3000; n++)
        {
            var text = new StringBuilder();
            var length = random.Next(0, maxLength);
            for (var c = 0; c < length; c++)
            {
                text.Append(nextCharacter(random));
            }

            var trimStart = random.Next(2) == 0;
            var trimEnd = random.Next(2) == 0;
            var expected = new CsvRowBuffer(16);
            expected.WriteField("x");
            expected.WriteField(Collapse(text.ToString(), trimStart, trimEnd));
            expected.EndRecord();
            var actual = new CsvRowBuffer(16);
            actual.WriteField("x");
            actual.WriteCollapsedField(text.ToString(), trimStart, trimEnd);
            actual.EndRecord();

            Assert.Equal(Encoding.UTF8.GetString(expected.Written), Encoding.UTF8.GetString(actual.Written));
            Assert.Equal(expected.Written.ToArray(), actual.Written.ToArray());
        }
    }

    /// <summary>The snippet rule spelled out: runs of whitespace become one space, then the ends are trimmed as asked.</summary>
    private static string Collapse(string text, bool trimStart, bool trimEnd)
    {
        var collapsed = new StringBuilder();
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                collapsed.Append(c);
            }
            else if (collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(' ');
            }
        }

        var result = collapsed.ToString();
        result = trimStart ? result.TrimStart(' ') : result;
        return trimEnd ? result.TrimEnd(' ') : result;
    }
}
