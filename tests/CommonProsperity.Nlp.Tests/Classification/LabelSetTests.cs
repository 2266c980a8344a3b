using CommonProsperity.Nlp.Classification;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Classification;

public class LabelSetTests
{
    private static readonly string[] Themes = ["inequality", "control", "philanthropy"];

    [Fact]
    public void Load_TwoFiles_MergesDuplicatesAndReportsConflicts()
    {
        using var temp = new TempDirectory();
        var a = temp.Write("a.csv", "text,themes\nCharity grows.,philanthropy\nTaxes on the rich.,inequality\n");
        var b = temp.Write("b.csv", "text,themes\nCharity grows.,philanthropy\nTaxes on the rich.,inequality;control\nNew passage.,\n");

        var set = LabelSet.Load([a, b], Themes);

        Assert.Equal(3, set.Passages.Count);
        Assert.Equal(["inequality", "control"], set.Passages[1].Themes.Order(StringComparer.Ordinal).Reverse());
        Assert.Contains(set.Warnings, w => w.StartsWith($"{b}:2: the same passage", StringComparison.Ordinal));
        Assert.Contains(set.Warnings, w => w.StartsWith($"{b}:3: conflict", StringComparison.Ordinal));
        Assert.Equal(2, set.Files.Count);
    }

    [Theory]
    [InlineData("text,themes\nCharity.,philanthropy\nGap.,taxation\n", ":3: unknown theme 'taxation'.")]
    [InlineData("text,themes\nCharity.,philanthropy\n,inequality\n", ":3: the text is empty.")]
    [InlineData("body,themes\nCharity.,philanthropy\n", ":1: there is no 'text' column")]
    [InlineData("text,labels\nCharity.,philanthropy\n", ":1: there is no 'themes' column")]
    [InlineData("text,themes\n\"Charity.,philanthropy\nGap.,inequality\n", "malformed CSV")]
    public void Load_BadRows_NameTheFileAndRow(string csv, string expected)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("labels.csv", csv);

        var error = Assert.ThrowsAny<CommonProsperityException>(() => LabelSet.Load([path], Themes));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
    }
}
