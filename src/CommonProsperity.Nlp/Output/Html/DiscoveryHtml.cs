using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Output.Html;

/// <summary>
/// <c>report.html</c> of <c>compare</c>, <c>trend</c> and <c>topics</c>, in the style of <c>analyze</c>'s
/// page: the run at a glance, then the command's own sections (keyness table and chart; trend lines;
/// topics with their top words and documents), drawn from the CSV reports' own rows
/// (<see cref="ReportTable"/>).
/// </summary>
internal static class DiscoveryHtml
{
    /// <summary>Writes the page of <paramref name="command"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, string command, string toolVersion, int documents, long tokens, long characters, Lexicon lexicon,
        IReadOnlyList<string> themes, IReadOnlyList<InputFileRecord> inputs, IReadOnlyList<Problem> problems, IReadOnlyList<ReportTable> tables)
    {
        HtmlPage.Write(path, "discovery.js", json =>
        {
            json.WriteString("tool", "cpnlp");
            json.WriteString("version", toolVersion);
            json.WriteString("command", command);
            HtmlPage.WriteRun(json, documents, tokens, characters, lexicon, inputs, problems);
            HtmlPage.WriteThemes(json, themes);
            json.WriteStartObject("tables");
            foreach (var table in tables)
            {
                ReportTableJson.Write(json, table.File, table);
            }

            json.WriteEndObject();
        });
    }
}
