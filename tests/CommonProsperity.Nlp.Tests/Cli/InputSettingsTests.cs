using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Cli;

/// <summary>
/// The formats the inputs' help lists are those the readers read: Spectre takes an option's description
/// from a constant attribute, so a new reader's extension must be added there by hand, and this test
/// says so (docs/architecture.md, "Where a change goes").
/// </summary>
public sealed class InputSettingsTests
{
    [Fact]
    public void AnalyzeHelp_InputsDescription_ListsEveryExtensionTheReadersRead()
    {
        var (code, help, _) = CliRunner.Run("analyze", "--help");
        var from = help.IndexOf("<inputs>", StringComparison.Ordinal);
        var inputs = help[from..help.IndexOf("OPTIONS:", from, StringComparison.Ordinal)];

        Assert.Equal(0, code);
        Assert.All(new DocumentSource(new IngestionOptions()).Extensions, e => Assert.Matches($@"(?<![a-z])\.{e}(?![a-z])", inputs));
    }
}
