namespace CommonProsperity.Nlp.Models;

/// <summary>How a single term fares on labelled passages.</summary>
/// <param name="Theme">The term's theme.</param>
/// <param name="Term">The term as written.</param>
/// <param name="Passages">Passages it matches in.</param>
/// <param name="OnTheme">Of those, passages labelled with the term's theme.</param>
/// <param name="OtherThemes">The gold themes of the passages it matches that lack its theme, most frequent first (for example <c>economy:4;control:1</c>).</param>
public sealed record TermAgreement(string Theme, string Term, int Passages, int OnTheme, string OtherThemes)
{
    /// <summary>OnTheme / Passages, 0 when it never fires.</summary>
    public double Precision => Passages == 0 ? 0 : (double)OnTheme / Passages;
}
