using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Tests.Support;

namespace CommonProsperity.Nlp.Tests.Ingestion;

/// <summary>
/// The readers are the one declaration of the input formats (docs/architecture.md, "Where a change goes"): the
/// source reads with every one of them, and the inputs' help and the format table of docs/analyze.md are made from them.
/// </summary>
public sealed class InputFormatsTests
{
    [Fact]
    public void AnalyzePage_GeneratedFormatTable_IsCurrent()
    {
        GeneratedSection.AssertCurrent("docs/analyze.md", InputFormats.Begin, InputFormats.End, InputFormats.Markdown());
    }

    [Fact]
    public void Readers_EachFormat_HasANameNotesAndExtensionsNoOtherReaderClaims()
    {
        var readers = InputFormats.All;

        Assert.Contains(readers, r => r is PlainTextReader);
        Assert.Equal(readers.Select(r => r.Format).Distinct().Order(StringComparer.Ordinal), readers.Select(r => r.Format));
        Assert.All(readers, r => Assert.False(string.IsNullOrWhiteSpace(r.Notes), r.Format));
        Assert.All(readers.SelectMany(r => r.Extensions), e => Assert.Matches("^[a-z0-9]+$", e));
        var extensions = readers.SelectMany(r => r.Extensions).ToList();
        Assert.Equal(extensions.Count, extensions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DocumentSource_ReadsEveryFormat_WithItsReader()
    {
        var source = new DocumentSource(new IngestionOptions());

        Assert.Equal(InputFormats.All.SelectMany(r => r.Extensions).Order(StringComparer.Ordinal), source.Extensions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnalyzeHelp_Inputs_ListEveryExtensionInTheReadersOrder()
    {
        var (code, help, _) = CliRunner.Run("analyze", "--help");
        var from = help.IndexOf("<inputs>", StringComparison.Ordinal);
        var inputs = string.Join(' ', help[from..help.IndexOf("OPTIONS:", from, StringComparison.Ordinal)].Split((char[])[' ', '\n', '\r', '│', '|'], StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(0, code);
        Assert.Contains("Files or folders (read recursively): " + string.Join(' ', InputFormats.All.SelectMany(r => r.Extensions).Select(e => "." + e)), inputs, StringComparison.Ordinal);
    }
}
