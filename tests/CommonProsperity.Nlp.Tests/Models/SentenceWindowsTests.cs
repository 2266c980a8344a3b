using CommonProsperity.Nlp.Counting;
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

        var windows = SentenceWindows.Read(() => new StringReader(text), "t.txt", Pieces(), 50, CancellationToken.None).Select(w => w.Sentences.Count).ToList();

        Assert.InRange(windows.Count, 40, 200);
        Assert.Equal(200, windows.Sum());
        Assert.Equal(Whole(text), Windowed(text, 50));
    }

    [Fact]
    public void Read_NoSentenceEnd_IsOneGrowingWindow()
    {
        var text = string.Concat(Enumerable.Repeat("common prosperity and charity ", 40));

        var windows = SentenceWindows.Read(() => new StringReader(text), "t.txt", Pieces(), 20, CancellationToken.None).Select(w => w.Sentences.Count).ToList();

        Assert.Equal([1], windows);
    }

    private static List<string> Whole(string text, SentencePieces? pieces = null) =>
        [.. (pieces ?? Pieces()).Of(text, TextSegmenter.Instance.Segment(text).Sentences).Select(s => $"{s.Start}-{s.End}:{text[s.Start..s.End]}")];

    /// <summary>The passages of the built-in lexicon's matcher, each at most <paramref name="max"/> characters.</summary>
    private static SentencePieces Pieces(int max = SentencePieces.MaxCharacters) => new(new LexiconMatcher(DefaultLexicon.Instance), max);

    /// <summary>Random texts with long stretches without a sentence end: words, clause marks, runs of Chinese characters, with terms of the built-in lexicon in them.</summary>
    private static Arbitrary<(string Text, int Window, int Max)> LongSentences() =>
        (from parts in Gen.Zip(
                Gen.OneOf(TextGenerators.Text(), Gen.Elements("共同富裕", "慈善事业", "收入差距", "推进", "的", "charity", "common prosperity", "income gap", "基金会").ListOf().Select(string.Concat)),
                Gen.Elements("", "", "", " ", "，", ", ", "。", ". The ", "\n\n", "\u3000\u3000", ".", "p. ", " U.S. No. ", "A. Wu ", "\n"))
             .Select(p => p.Item1 + p.Item2).ListOf()
         from window in Gen.Choose(1, 80)
         from max in Gen.Choose(8, 40) // at least the longest word with periods ("U.S.") and a space: a place to cut
         select (string.Concat(parts), window, max))
        .ToArbitrary();

    [Property(MaxTest = 2000)]
    public Property Read_LongSentencesInWindows_GivesThePiecesOfTheWholeText() =>
        Prop.ForAll(LongSentences(), sample => Assert.Equal(Whole(sample.Text, Pieces(sample.Max)), Windowed(sample.Text, sample.Window, Pieces(sample.Max))));

    [Fact]
    public void Read_LongRunOfChineseCharacters_IsCutIntoPiecesThatNoTermCrosses()
    {
        // 30,600 characters of one run without punctuation, pieces of at most 50 characters, windows of 100 (which grow to see 4,096 characters past a piece).
        var text = string.Concat(Enumerable.Repeat("推进共同富裕发展慈善事业缩小收入差距", 1700));
        var pieces = Pieces(50);

        var windows = SentenceWindows.Read(() => new StringReader(text), "run.txt", pieces, 100, CancellationToken.None).Select(w => Enumerable.Range(0, w.Sentences.Count).Select(w.Text).ToList()).ToList();
        var passages = windows.SelectMany(w => w).ToList();

        Assert.True(windows.Count > 5, "the run was read in many windows, not held whole");
        Assert.Equal(text, string.Concat(passages));
        Assert.All(passages.SkipLast(1), p => Assert.InRange(p.Length, 40, 50));
        var matcher = new LexiconMatcher(DefaultLexicon.Instance);
        Assert.Equal(matcher.Match(text).Count, passages.Sum(p => matcher.Match(p).Count));
        Assert.Equal(Whole(text, pieces), Windowed(text, 100, pieces));
    }

    [Fact]
    public void Read_ShortSentencesThenALongRunWithNoSafeCutBetween_IsCutInsideTheRun()
    {
        // A title line and a line of 30,600 Chinese characters: a line break alone is no safe cut, so the window ends inside the run.
        var text = "共同富裕\n标题\n" + string.Concat(Enumerable.Repeat("推进共同富裕发展慈善事业缩小收入差距", 1800));
        var pieces = Pieces(50);

        var windows = SentenceWindows.Read(() => new StringReader(text), "run.txt", pieces, 100, CancellationToken.None).Select(w => w.Sentences.Count).ToList();

        Assert.True(windows.Count > 5, "the run was read in many windows, not held whole");
        Assert.Equal(Whole(text, pieces), Windowed(text, 100, pieces));
        Assert.Equal(["0-4:共同富裕", "5-7:标题"], Whole(text, pieces).Take(2));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("\u3000\u3000")]
    public void Read_ShortLinesWithoutSentenceEnds_AreCutAtParagraphStarts(string between)
    {
        // 2,000 short paragraphs with no sentence-end mark: no safe cut anywhere, no sentence long enough for pieces.
        var text = string.Join(between, Enumerable.Range(0, 2000).Select(i => i % 2 == 0 ? $"推进共同富裕第{i}条" : $"common prosperity item {i}"));

        var windows = SentenceWindows.Read(() => new StringReader(text), "lines.txt", Pieces(), 200, CancellationToken.None).Select(w => w.Sentences.Count).ToList();

        Assert.True(windows.Count > 50, "the lines were read in many windows, not held whole");
        Assert.Equal(Whole(text), Windowed(text, 200));
    }

    [Fact]
    public void Of_SentencesNoLongerThanAPiece_AreTheSentences()
    {
        var text = "Common prosperity grows. 共同富裕。 The party tightened control.";
        var sentences = TextSegmenter.Instance.Segment(text).Sentences;

        Assert.Same(sentences, Pieces().Of(text, sentences));
        Assert.Same(sentences, Pieces(30).Of(text, sentences));
        var cut = Pieces(25).Of(text, sentences);
        Assert.Equal(["Common prosperity grows.", "共同富裕。"], cut.Take(2).Select(s => text[s.Start..s.End]));
        Assert.True(cut.Count > 3, "the sentence of 28 characters was cut");
        Assert.All(cut.Skip(2), s => Assert.InRange(s.Length, 1, 25));
        Assert.Equal("The party tightened control.".Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(cut.Skip(2).Select(s => text[s.Start..s.End])).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    private static List<string> Windowed(string text, int window, SentencePieces? pieces = null)
    {
        var sentences = new List<string>();
        foreach (var w in SentenceWindows.Read(() => new StringReader(text), "t.txt", pieces ?? Pieces(), window, CancellationToken.None))
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

        var error = Assert.Throws<CommonProsperity.Nlp.Errors.InputException>(() => SentenceWindows.Read(() => new StringReader(text), "run.txt", Pieces(), 20, CancellationToken.None, maxWindowCharacters: 256).ToList());

        Assert.StartsWith("run.txt: the text from character 0 on runs for more than 160 characters with no place where it can be cut", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, SentenceWindows.Read(() => new StringReader(text), "run.txt", Pieces(), 20, CancellationToken.None, maxWindowCharacters: 4096).Sum(w => w.Sentences.Count));
    }
}
