namespace CommonProsperity.Nlp.Models;

/// <summary>What one exclusion of a term removed from labelled passages.</summary>
/// <param name="Theme">The term's theme.</param>
/// <param name="Term">The term as written.</param>
/// <param name="Exclusion">The exclusion phrase as written.</param>
/// <param name="Vetoed">Matches of the term it vetoed.</param>
/// <param name="Passages">Passages with at least one of those vetoed matches.</param>
/// <param name="PassagesWithTheme">Of those, passages labelled with the term's theme anyway (where the veto may have cost a hit).</param>
public sealed record ExclusionEffect(string Theme, string Term, string Exclusion, int Vetoed, int Passages, int PassagesWithTheme);
