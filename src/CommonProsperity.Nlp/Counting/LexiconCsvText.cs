using System.Globalization;
using CsvHelper;

namespace CommonProsperity.Nlp.Counting;

/// <summary>
/// Writes a loaded lexicon, whatever format and encoding it was read from (CSV in GBK, a LIWC
/// <c>.dic</c>), as the project's CSV text. A classifier model stores its lexicon this way, so that it
/// keeps exactly the terms (and fingerprint) of the lexicon it was trained with.
/// </summary>
public static class LexiconCsvText
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { FormatProvider = CultureInfo.InvariantCulture };

    /// <summary>
    /// The lexicon as CSV text with the columns <c>theme,term,lang,note,exclude</c>, terms in their order,
    /// then <c>theme_label</c> when its themes have labels and <c>weight</c> when its terms have weights, so
    /// that reading the text back gives the same lexicon (terms, fingerprint, labels).
    /// </summary>
    public static string From(Lexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            var labels = lexicon.ThemeLabels is not null;
            var weights = lexicon.HasWeights;
            foreach (var column in (ReadOnlySpan<string>)["theme", "term", "lang", "note", "exclude"])
            {
                csv.WriteField(column);
            }

            WriteIf(csv, labels, "theme_label");
            WriteIf(csv, weights, "weight");

            csv.EndRecord();
            foreach (var term in lexicon.Terms)
            {
                csv.WriteField(term.Theme);
                csv.WriteField(term.Term);
                csv.WriteField(term.Language ?? string.Empty);
                csv.WriteField(term.Note ?? string.Empty);
                csv.WriteField(string.Join('|', term.Exclusions));
                WriteIf(csv, labels, lexicon.LabelOf(term.Theme));
                WriteIf(csv, weights, term.Weight?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty);
                csv.EndRecord();
            }
        }

        return text.ToString();
    }

    private static void WriteIf(CsvWriter csv, bool write, string field)
    {
        if (write)
        {
            csv.WriteField(field);
        }
    }
}
