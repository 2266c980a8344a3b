using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Regressions;

/// <summary>
/// Found by the robustness work (issue 6): the message for a file over the size limit formatted its
/// numbers with the machine's culture ("1.500 bytes" on a German system). Messages use invariant digits.
/// </summary>
public class FileSizeMessageCultureTests
{
    [Fact]
    public void Read_FileOverTheSizeLimitUnderGermanCulture_NamesItsSizeWithInvariantDigits()
    {
        using var culture = new CultureScope("de-DE");
        using var temp = new TempDirectory();
        temp.Write("big.txt", new string('x', 1500));
        temp.Write("small.txt", "Charity.");
        var source = new DocumentSource(new IngestionOptions(MaxFileBytes: 1000));
        var skipped = new ProblemLog();

        var documents = source.Read(source.Discover([temp.Path], skipped), skipped, CancellationToken.None).ToList();

        Assert.Equal("small.txt", Assert.Single(documents).Id);
        Assert.Equal("big.txt: the file is 1,500 bytes, more than the limit of 1,000. Split it into smaller files.", Assert.Single(skipped.Skipped).Text);
    }
}
