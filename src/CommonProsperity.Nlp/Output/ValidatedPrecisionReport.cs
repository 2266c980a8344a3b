using CommonProsperity.Nlp.Models;

namespace CommonProsperity.Nlp.Output;

/// <summary><c>validated_precision.csv</c> of <c>lexicon check --validated</c>: its columns, declared once, and its writer.</summary>
internal static class ValidatedPrecisionReport
{
    /// <summary>The columns.</summary>
    public static ReportLayout<ValidatedPrecision> Layout { get; } = new(
        ReportFiles.ValidatedPrecision,
        "per term (grouped by theme), per theme, and for the whole sheet (`all`), from the lines marked in a checked concordance sample (`kwic.csv`).",
        [
            new("level", ColumnFormat.Text, "`term`, `theme` or `all`", p => p.Level),
            new("theme", ColumnFormat.Text, "the theme (empty for search terms and for `all`)", p => p.Theme),
            new("term", ColumnFormat.Text, "the term (empty for a theme and for `all`)", p => p.Term),
            new("checked", ColumnFormat.Integer, "lines marked `y` or `n`", p => p.Checked),
            new("correct", ColumnFormat.Integer, "of those, lines marked `y`", p => p.Correct),
            new("precision", ColumnFormat.Rate, "`correct / checked`", p => p.Precision),
            new("precision_low", ColumnFormat.Rate, "the lower end of its 95% Wilson interval", p => p.Low),
            new("precision_high", ColumnFormat.Rate, "the upper end of its 95% Wilson interval", p => p.High),
        ]);

    /// <summary>Writes the precisions of <paramref name="sample"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, ValidatedSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Layout.WriteCsv(path, sample.Precisions);
    }
}
