using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Models;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Models;

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

    [Fact]
    public void Load_ThousandCopiesOfOneRow_CountsItOnceAndWarnsPerRow()
    {
        using var temp = new TempDirectory();
        var rows = Enumerable.Repeat("Taxes on the rich.,inequality", 1000);
        var path = temp.Write("labels.csv", "text,themes\nCharity grows.,philanthropy\n" + string.Join('\n', rows) + "\n");

        var set = LabelSet.Load([path], Themes);

        Assert.Equal(2, set.Passages.Count);
        Assert.Equal(999, set.Warnings.Count);
        Assert.Equal($"{path}:4: the same passage as line 3 with the same themes; counted once.", set.Warnings[0]);
    }

    [Fact]
    public void Load_OneIdOnManyRows_KeepsTheFirstAndWarnsNamingEachRow()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("labels.csv", "id,text,themes\np1,Charity grows.,philanthropy\np2,Taxes on the rich.,inequality\np2,Party control.,control\np2,Other words.,\np3,Party control.,control\n");

        var set = LabelSet.Load([path], Themes);

        Assert.Equal(["p1", "p2", "p3"], set.Passages.Select(p => p.Id));
        Assert.Equal("Taxes on the rich.", set.Passages[1].Text);
        Assert.Equal(
            [
                $"{path}:4: the id 'p2' already names another passage ({path}:3); this row was passed over. Give each passage its own id.",
                $"{path}:5: the id 'p2' already names another passage ({path}:3); this row was passed over. Give each passage its own id.",
            ],
            set.Warnings);
    }

    [Fact]
    public void Load_FilesWithoutIdColumn_DoNotTreatRowNumbersAsRepeatedIds()
    {
        using var temp = new TempDirectory();
        var a = temp.Write("a.csv", "text,themes\nCharity grows.,philanthropy\n");
        var b = temp.Write("b.csv", "text,themes\nTaxes on the rich.,inequality\n");

        var set = LabelSet.Load([a, b], Themes);

        Assert.Equal(2, set.Passages.Count);
        Assert.Empty(set.Warnings);
    }
}
