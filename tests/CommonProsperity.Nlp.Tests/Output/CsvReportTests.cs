using System.Text;
using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Output;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Output;

public class CsvReportTests
{
    [Fact]
    public void WriteRow_TextNumbersAndFormulas_AreWrittenForSpreadsheets()
    {
        using var temp = new TempDirectory();
        var path = temp.File("r.csv");

        using (var csv = CsvReport.Create(path))
        {
            csv.WriteRow("a", "b", "c", "d");
            csv.WriteRow("=SUM(A1)", "共同富裕, \"quoted\"", 42, 1.0 / 3);
        }

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("a,b,c,d\r\n\"'=SUM(A1)\",\"共同富裕, \"\"quoted\"\"\",42,0.3333\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void WriteRow_NegativeAndPreciseNumbers_StayNumbersWhileMinusTextIsEscaped()
    {
        using var temp = new TempDirectory();
        var path = temp.File("r.csv");

        using (var csv = CsvReport.Create(path))
        {
            csv.WriteRow(-3.68, new PreciseNumber(-1.234567e-12), new PreciseNumber(1441.6666), -7L, "-x");
        }

        Assert.Equal("-3.6800,-1.23457E-12,1441.67,-7,\"'-x\"\r\n", Encoding.UTF8.GetString(File.ReadAllBytes(path)[3..]));
    }

    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(5, 0, 0.0)]
    [InlineData(3, 1500, 2.0)]
    public void Per1000_IsHitsPerThousandTokensAndZeroWithoutTokens(long hits, long tokens, double expected)
    {
        Assert.Equal(expected, Rate.Per1000(hits, tokens), 10);
    }
}
