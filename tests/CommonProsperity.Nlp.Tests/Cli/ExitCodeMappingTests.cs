using CommonProsperity.Nlp.Cli;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary>Issue 9, item 3: no failure prints a stack trace unless it is a bug; running out of memory is the machine's limit, with a fix.</summary>
public class ExitCodeMappingTests
{
    [Fact]
    public void Report_OutOfMemory_Exits71WithAFixAndNoStackTrace()
    {
        // Arrange
        using var error = new StringWriter();

        // Act
        var code = CpnlpApp.Report(new OutOfMemoryException(), error);

        // Assert
        Assert.Equal(71, code);
        Assert.StartsWith("error: the run ran out of memory. A file is analysed whole (up to 256 MiB, needing up to 30 bytes of memory per byte)", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("--threads 1", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_UnexpectedException_IsReportedAsABugWith70()
    {
        using var error = new StringWriter();

        var code = CpnlpApp.Report(new InvalidOperationException("boom"), error);

        Assert.Equal(70, code);
        Assert.StartsWith("internal error: System.InvalidOperationException: boom", error.ToString(), StringComparison.Ordinal);
    }
}
