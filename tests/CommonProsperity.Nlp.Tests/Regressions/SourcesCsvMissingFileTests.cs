using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Found by the robustness work (issue 6): a <c>sources.csv</c> row whose <c>file</c> is misspelt matched
/// no document and was passed over silently, so the document lost its title, date and publisher (and
/// its year and publisher groups in corpus_summary.csv) without a word. Such a row is now a warning.
/// </summary>
public class SourcesCsvMissingFileTests
{
    [Fact]
    public void Load_RowNamingNoFile_WarnsWithTheLineAndUsesTheOtherRows()
    {
        using var temp = new TempDirectory();
        temp.Write("report.txt", "Charity.");
        temp.Write("sub/law.txt", "慈善。");
        var path = temp.Write("sources.csv", "file,title\nreport.txt,A report\nreprot.txt,A typo\nsub/law.txt,A law\n");
        var warnings = new List<string>();

        var catalog = SourcesCatalog.Load(path, "sources.csv", warnings);

        Assert.Equal("A report", catalog.Find("report.txt").Title);
        Assert.Equal("A law", catalog.Find("sub/law.txt").Title);
        Assert.Equal(["sources.csv:3: 'reprot.txt' names no file in this folder, so its metadata is not used. Correct the name (relative to the folder holding sources.csv) or delete the row."], warnings);
    }
}
