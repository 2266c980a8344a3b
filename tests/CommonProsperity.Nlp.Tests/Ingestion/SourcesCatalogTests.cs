using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>Issue 9, item 6: <c>sources.csv</c> rows that point outside the folder, and invalid dates.</summary>
public class SourcesCatalogTests
{
    [Fact]
    public void Load_RowsPointingOutsideTheFolder_AreWarnedByRowAndPassedOver()
    {
        // Arrange
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        var path = temp.Write("sources.csv", "file,title\n../../etc/passwd,Secrets\n/etc/passwd,Secrets\nsub/../../x.txt,Up\n./a.txt,A\n");
        var warnings = new List<string>();

        // Act
        var catalog = SourcesCatalog.Load(path, "sources.csv", warnings);

        // Assert
        Assert.Equal(1, catalog.Count);
        Assert.Equal(
            [
                "sources.csv:2: '../../etc/passwd' points outside the folder holding sources.csv (an absolute path or '..'); the row was passed over. Name the file relative to this folder, for example 'a.txt' or 'sub/a.txt'.",
                "sources.csv:3: '/etc/passwd' points outside the folder holding sources.csv (an absolute path or '..'); the row was passed over. Name the file relative to this folder, for example 'a.txt' or 'sub/a.txt'.",
                "sources.csv:4: 'sub/../../x.txt' points outside the folder holding sources.csv (an absolute path or '..'); the row was passed over. Name the file relative to this folder, for example 'a.txt' or 'sub/a.txt'.",
            ],
            warnings);
    }

    [Theory]
    [InlineData("./a.txt", "a.txt")]
    [InlineData("sub//./b.txt", "sub/b.txt")]
    [InlineData("sub\\b.txt", "sub/b.txt")]
    [InlineData("../a.txt", null)]
    [InlineData("/a.txt", null)]
    [InlineData("C:\\data\\a.txt", null)]
    [InlineData("\\\\server\\share\\a.txt", null)]
    [InlineData("./", null)]
    public void Normalize_FileColumn_IsRelativeToTheFolderOrNull(string written, string? expected)
    {
        Assert.Equal(expected, SourcesCatalog.Normalize(written));
    }

    [Fact]
    public void Load_DotSlashName_DescribesTheFileWithoutAWarning()
    {
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        var path = temp.Write("sources.csv", "file,title\n./a.txt,A\n");
        var warnings = new List<string>();

        var catalog = SourcesCatalog.Load(path, "sources.csv", warnings);

        Assert.Equal("A", catalog.Find("a.txt").Title);
        Assert.Empty(warnings);
    }

    [Theory]
    [InlineData("2021-13-45")]
    [InlineData("2021-02-30")]
    [InlineData("2021-00")]
    [InlineData("2021-00-10")]
    [InlineData("2021/06/10")]
    public void Load_InvalidDate_IsWarnedAndHasNoYearOrMonth(string date)
    {
        using var temp = new TempDirectory();
        temp.Write("a.txt", "Charity.");
        var path = temp.Write("sources.csv", $"file,date\na.txt,{date}\n");
        var warnings = new List<string>();

        var metadata = SourcesCatalog.Load(path, "sources.csv", warnings).Find("a.txt");

        Assert.Equal(date, metadata.Date);
        Assert.Null(metadata.Year);
        Assert.Null(metadata.Month);
        Assert.Equal([$"sources.csv:2: the date '{date}' is not yyyy-MM-dd, yyyy-MM or yyyy; it is kept as written but the document has no year for grouping. Write it as, for example, 2021-06-10."], warnings);
    }

    [Theory]
    [InlineData("2021-06-10", "2021", "2021-06")]
    [InlineData("2020-02-29", "2020", "2020-02")]
    [InlineData("2021-06", "2021", "2021-06")]
    [InlineData("2021", "2021", null)]
    public void Metadata_ValidDate_HasItsYearAndMonth(string date, string year, string? month)
    {
        var metadata = DocumentMetadata.Empty with { Date = date };

        Assert.Equal(year, metadata.Year);
        Assert.Equal(month, metadata.Month);
    }
}
