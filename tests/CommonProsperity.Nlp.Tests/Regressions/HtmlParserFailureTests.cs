using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Found by the differential tests of the HTML reader read in pieces (issue 14): AngleSharp 1.10.3 throws a
/// <see cref="NullReferenceException"/> on some malformed pages (a select around raw-text elements), which ended
/// the whole run as an internal error. The page is now skipped with the parser's reason, the other files read, in
/// both readings (whole and streamed from its file).
/// </summary>
public class HtmlParserFailureTests
{
    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    public void Read_PageTheParserFailsOn_IsSkippedAndTheOthersRead(long streamedFileBytes)
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.File("in"));
        File.WriteAllText(temp.File("in/bad.html"), "<noscript>no <p>script</noscript><select><xmp>x <b> y</xmp><select><listing>\nl</listing>");
        File.WriteAllText(temp.File("in/good.html"), "<p>common prosperity and charity</p>");

        var (documents, skipped, _) = DocumentSourceTests.ReadAll(new IngestionOptions() with { StreamedFileBytes = streamedFileBytes }, temp.File("in"));

        Assert.Equal("common prosperity and charity", Assert.Single(documents).Text);
        var problem = Assert.Single(skipped);
        Assert.Equal("bad.html", problem.File);
        Assert.StartsWith("bad.html: the HTML parser failed on the page (NullReferenceException: ", problem.Text, StringComparison.Ordinal);
    }
}
