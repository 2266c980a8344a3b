using System.ComponentModel;
using Spectre.Console.Cli;

namespace CommonProsperity.Nlp.Cli.Commands;

/// <summary>The options of the commands that also write <c>report.html</c> (<c>analyze</c>, <c>compare</c>, <c>trend</c>, <c>topics</c>).</summary>
internal abstract class ReportPageSettings : CorpusSettings
{
    /// <summary>No report.html.</summary>
    [CommandOption("--no-html")]
    [Description("Do not write report.html (the reports as one page to open in a browser)")]
    public bool NoHtml { get; init; }
}
