using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;
using CommonProsperity.Nlp.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CommonProsperity.Nlp.Tests.Models;

/// <summary>
/// <see cref="SentenceWindows"/>: a text read in windows of a few characters gives, window after window,
/// the sentences (offsets and text) that <see cref="TextSegmenter"/> finds in the whole text.
/// </summary>
public class SentenceWindowsTests
{
    /// <summary>Random texts with sentence ends of both languages, abbreviations, paragraph breaks and marks between their parts.</summary>
    private static Arbitrary<(string Text, int Window)> Texts() =>
        (from parts in Gen.Zip(TextGenerators.Text(), Gen.Elements(". ", "。", "! The ", "？", ".\n\n", ". 2024 ", "…", ".", " U.S. No. 3 ", "\u3000\u3000", "。”", ".) A", "\n- "))
             .Select(p => p.Item1 + p.Item2).ListOf()
         from window in Gen.Choose(1, 60)
         select (string.Concat(parts), window))
        .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Read_RandomTextInWindows_GivesTheSentencesOfTheWholeText() =>
        Prop.ForAll(Texts(), sample => Assert.Equal(Whole(sample.Text), Windowed(sample.Text, sample.Window)));

    [Fact]
    public void Read_ManySentences_IsCutIntoManyWindows()
    {
        var text = string.Concat(Enumerable.Repeat("Common prosperity grows. 共同富裕。", 100));

        var windows = SentenceWindows.Read(() => new StringReader(text), "t.txt", 50, CancellationToken.None).Select(w => w.Sentences.Count).ToList();

        Assert.InRange(windows.Count, 40, 200);
        Assert.Equal(200, windows.Sum());
        Assert.Equal(Whole(text), Windowed(text, 50));
    }

    [Fact]
    public void Read_NoSentenceEnd_IsOneGrowingWindow()
    {
        var text = string.Concat(Enumerable.Repeat("common prosperity and charity ", 40));

        var windows = SentenceWindows.Read(() => new StringReader(text), "t.txt", 20, CancellationToken.None).Select(w => w.Sentences.Count).ToList();

        Assert.Equal([1], windows);
    }

    private static List<string> Whole(string text) =>
        [.. TextSegmenter.Instance.Segment(text).Sentences.Select(s => $"{s.Start}-{s.End}:{text[s.Start..s.End]}")];

    private static List<string> Windowed(string text, int window)
    {
        var sentences = new List<string>();
        foreach (var w in SentenceWindows.Read(() => new StringReader(text), "t.txt", window, CancellationToken.None))
        {
            for (var i = 0; i < w.Sentences.Count; i++)
            {
                sentences.Add($"{w.Offset + w.Sentences[i].Start}-{w.Offset + w.Sentences[i].End}:{w.Text(i)}");
            }
        }

        return sentences;
    }

    [Fact]
    public void Read_StretchWithoutACutLongerThanAWindowMayGrow_IsAnErrorNamingTheDocument()
    {
        // No sentence end in 1,000 characters, with windows of 20 that may grow to 256 (the real limit is 2^30).
        var text = string.Concat(Enumerable.Repeat("common prosperity and charity ", 40)) + ". The end.";

        var error = Assert.Throws<CommonProsperity.Nlp.Errors.InputException>(() => SentenceWindows.Read(() => new StringReader(text), "run.txt", 20, CancellationToken.None, maxWindowCharacters: 256).ToList());

        Assert.StartsWith("run.txt: the text from character 0 on runs for more than 160 characters with no place where it can be cut", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, SentenceWindows.Read(() => new StringReader(text), "run.txt", 20, CancellationToken.None, maxWindowCharacters: 4096).Sum(w => w.Sentences.Count));
    }
}
