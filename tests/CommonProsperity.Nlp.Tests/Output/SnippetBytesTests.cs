using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Tests.Output;

/// <summary>Snippets copied from a text encoded once are the bytes the snippet fields would have been encoded to.</summary>
public class SnippetBytesTests
{
    // Mostly Chinese (so that stretches qualify), with every kind of character a field treats specially now and then.
    private const string Common = "共同富裕。，發展的（）经济国家";
    // The edges of the three-byte characters encoded eight at a time (U+3001 to U+D7FF, U+E000 to U+FFFF) among them.
    private const string Rare = "ab1 ,\"\r\n=@+-\t'’\u00A0\u3000\u2028é\uD800\uDC00\uD800\uDC00\u07FF\u0800\u2FFF\u3001\uD7FF\uE000\uFFFF";

    public static TheoryData<int> Seeds() => [1, 2, 3, 4, 5, 6];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryWrite_EveryRangeOfRandomText_WritesWhatTheFieldWritersWrite(int seed)
    {
        var random = new Random(seed);
        var text = RandomText(random, 400);
        var copy = new SnippetBytes();
        Assert.True(copy.Prepare(text, 0, text.Length, text.Length));

        var copied = 0;
        for (var start = 0; start <= text.Length; start++)
        {
            for (var end = start; end <= Math.Min(text.Length, start + 50); end++)
            {
                var fast = new CsvRowBuffer();
                fast.WriteField(1);
                if (!copy.TryWrite(fast, text, start, end))
                {
                    fast.Release();
                    continue;
                }

                copied++;
                fast.EndRecord();
                Assert.Equal(Written(row => row.WriteCollapsedField(text.AsSpan(start, end - start), trimStart: true, trimEnd: false)), fast.Written.ToArray());
                Assert.Equal(Written(row => row.WriteCollapsedField(text.AsSpan(start, end - start), trimStart: false, trimEnd: true)), fast.Written.ToArray());
                Assert.Equal(Written(row => row.WriteField(text.AsSpan(start, end - start))), fast.Written.ToArray());
                fast.Release();
            }
        }

        Assert.True(copied > text.Length, $"only {copied} ranges were copied: the test text has too many special characters");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryWriteCollapsed_EveryRangeOfTextWithSpaces_WritesWhatWriteCollapsedFieldWrites(int seed)
    {
        // Whitespace of every kind, runs of it, and formula starts after it; now and then a quote, comma or surrogate.
        const string spaces = " \r\n\t\u00A0\u3000\u2028\u0085\u001F";
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        while (text.Length < 400)
        {
            var roll = random.Next(100);
            text.Append(roll < 4 ? spaces[random.Next(spaces.Length)] : roll == 4 ? "=@+-"[random.Next(4)] : roll == 5 ? Rare[random.Next(Rare.Length)] : Common[random.Next(Common.Length)]);
        }

        var chars = text.ToString();
        var copy = new SnippetBytes();
        Assert.True(copy.Prepare(chars, 0, chars.Length, chars.Length));

        var copied = 0;
        foreach (var (trimStart, trimEnd) in new[] { (true, false), (false, true) })
        {
            for (var start = 0; start <= chars.Length; start++)
            {
                for (var end = start; end <= Math.Min(chars.Length, start + 50); end++)
                {
                    var fast = new CsvRowBuffer();
                    fast.WriteField(1);
                    if (!copy.TryWriteCollapsed(fast, chars, start, end, trimStart, trimEnd))
                    {
                        Assert.Equal(1, fast.Length); // nothing written past the first field
                        fast.Release();
                        continue;
                    }

                    copied++;
                    fast.EndRecord();
                    Assert.Equal(Written(row => row.WriteCollapsedField(chars.AsSpan(start, end - start), trimStart, trimEnd)), fast.Written.ToArray());
                    fast.Release();
                }
            }
        }

        Assert.True(copied > chars.Length * 20, $"only {copied} ranges were copied");
    }

    // H and L stand for a high and a low surrogate: xUnit would not carry a lone one through theory data intact.
    public static TheoryData<string, int, int> SpecialRanges() => new()
    {
        { "共同富裕 ", 0, 5 },
        { "共同,富裕", 1, 4 },
        { "共同\"富裕", 0, 4 },
        { "共HL同", 0, 2 },
        { "共HL同", 2, 4 },
        { "共HL同", 1, 3 },
        { "共H同", 1, 3 },
        { "共L同", 0, 2 },
        { "=共同富裕", 0, 3 },
        { "共-同富裕", 1, 3 },
    };

    [Theory]
    [MemberData(nameof(SpecialRanges))]
    public void TryWrite_RangeWithASpecialCharacterOrAFormulaStart_IsLeftToTheEncoder(string text, int start, int end)
    {
        text = text.Replace('H', '\uD800').Replace('L', '\uDC00') + new string('共', 40); // the padding: few enough special characters for the stretch to be prepared
        var copy = new SnippetBytes();
        Assert.True(copy.Prepare(text, 0, text.Length, text.Length));
        var row = new CsvRowBuffer();

        Assert.False(copy.TryWrite(row, text, start, end));
        Assert.Equal(0, row.Length);
    }

    [Fact]
    public void TryWrite_OutsideThePreparedStretch_IsLeftToTheEncoder()
    {
        const string text = "共同富裕共同富裕共同富裕";
        var copy = new SnippetBytes();
        Assert.True(copy.Prepare(text, 2, 8, 100));
        var row = new CsvRowBuffer();

        Assert.True(copy.TryWrite(row, text, 2, 8));
        Assert.False(copy.TryWrite(row, text, 1, 4));
        Assert.False(copy.TryWrite(row, text, 4, 9));
        Assert.Equal("富裕共同富裕", System.Text.Encoding.UTF8.GetString(row.Written));
    }

    [Fact]
    public void Prepare_SparseSnippetsOrProse_SaysNo()
    {
        var copy = new SnippetBytes();
        const string chinese = "共同富裕共同富裕共同富裕";
        const string prose = "common prosperity for all of the people";

        Assert.False(copy.Prepare(chinese, 0, chinese.Length, chinese.Length - 1));
        Assert.False(copy.Ready);
        Assert.False(copy.Prepare(prose, 0, prose.Length, 10 * prose.Length));
        Assert.True(copy.Prepare(chinese, 0, chinese.Length, chinese.Length));
        Assert.True(copy.Ready);
    }

    private static string RandomText(Random random, int length)
    {
        var text = new System.Text.StringBuilder();
        while (text.Length < length)
        {
            text.Append(random.Next(40) == 0 ? Rare[random.Next(Rare.Length)] : Common[random.Next(Common.Length)]);
        }

        return text.ToString();
    }

    private static byte[] Written(Action<CsvRowBuffer> write)
    {
        var row = new CsvRowBuffer();
        row.WriteField(1);
        write(row);
        row.EndRecord();
        var bytes = row.Written.ToArray();
        row.Release();
        return bytes;
    }
}
