using CommonProsperity.Nlp.FileSystem;
using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary>
/// Writes the passages <c>suggest</c> chose in the labelled-data format (<c>id,document,lang,text,themes</c>,
/// themes pre-filled with the model's prediction), followed by helper columns a label file may carry:
/// <c>uncertain_themes</c> (the themes whose probability is near the threshold), <c>margin</c> and the
/// per-theme probabilities. The file can be corrected in a spreadsheet and passed to <c>train --labels</c>.
/// </summary>
internal static class SuggestionWriter
{
    /// <summary>Writes the suggestions to <paramref name="path"/> (atomically, touching nothing else: <see cref="OutputFile"/>).</summary>
    public static void Write(string path, ThemeModel model, IReadOnlyList<(ClassifiedPassage Passage, double Margin, IReadOnlyList<string> UncertainThemes)> chosen,
        IReadOnlyDictionary<string, string> languages)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(languages);
        OutputFile.Write(path, "the suggestions", temp =>
        {
            using var csv = CsvReport.Create(temp);
            var header = new List<object?> { "id", "document", "lang", "text", "themes", "uncertain_themes", "margin" };
            header.AddRange(model.Themes.Select(t => $"{t}_p"));
            csv.WriteRow([.. header]);
            foreach (var (passage, margin, uncertain) in chosen)
            {
                var row = new List<object?>
                {
                    $"{passage.Document}#{passage.Index}", passage.Document, languages.GetValueOrDefault(passage.Document, "und"), passage.Text,
                    string.Join(';', model.Themes.Where(passage.Themes.Contains)), string.Join(';', uncertain), margin,
                };
                row.AddRange(passage.Probabilities.Select(p => (object?)(double)p));
                csv.WriteRow([.. row]);
            }
        });
    }
}
