namespace CommonProsperity.Nlp.Models;

/// <summary>
/// The precision of a term, a theme or a whole sheet, measured on concordance lines checked by hand
/// (<c>kwic --sample</c>, then <c>lexicon check --validated</c>): of the lines checked, the share
/// marked correct, with its 95% Wilson interval.
/// </summary>
/// <param name="Level"><c>term</c>, <c>theme</c> or <c>all</c>.</param>
/// <param name="Theme">The theme (empty for search terms, and for <c>all</c>).</param>
/// <param name="Term">The term (empty for a theme and for <c>all</c>).</param>
/// <param name="Checked">Lines marked correct or not.</param>
/// <param name="Correct">Of those, lines marked correct.</param>
public sealed record ValidatedPrecision(string Level, string Theme, string Term, int Checked, int Correct)
{
    /// <summary>The share of the lines checked marked correct (0 when none was checked).</summary>
    public double Precision => Checked == 0 ? 0 : (double)Correct / Checked;

    /// <summary>The lower end of the 95% Wilson interval of <see cref="Precision"/>.</summary>
    public double Low => WilsonInterval.Of(Precision, Checked).Low;

    /// <summary>The upper end of the 95% Wilson interval of <see cref="Precision"/>.</summary>
    public double High => WilsonInterval.Of(Precision, Checked).High;
}
