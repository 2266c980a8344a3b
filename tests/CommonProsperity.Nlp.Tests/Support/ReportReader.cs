using CommonProsperity.Nlp.Ingestion;

namespace CommonProsperity.Nlp.Tests.Support;

/// <summary>Reads a report CSV back into dictionaries keyed by column name.</summary>
internal static class ReportReader
{
    public static List<Dictionary<string, string>> Read(string path)
    {
        var table = CsvTable.Open(path);
        return table.Rows().Select(row => table.Headers.Select((h, i) => (h, v: row.Get(i))).ToDictionary(x => x.h, x => x.v, StringComparer.Ordinal)).ToList();
    }
}
