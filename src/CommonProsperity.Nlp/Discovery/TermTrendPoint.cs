using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>One search term in one period (<c>trend --terms</c>).</summary>
/// <param name="Period">The period: <c>yyyy</c> or <c>yyyy-MM</c>.</param>
/// <param name="Term">The term, as written.</param>
/// <param name="Tally">The term's counts over the period's documents (its hits, the documents mentioning it, tokens and words).</param>
/// <param name="First">The period's earliest document mentioning the term, or null when none does.</param>
/// <param name="Last">The period's latest document mentioning the term, or null when none does.</param>
public sealed record TermTrendPoint(string Period, string Term, ThemeGroupTally Tally, TermAppearance? First, TermAppearance? Last);

/// <summary>A document in which a term appears, with its date.</summary>
/// <param name="Document">The document id.</param>
/// <param name="Date">Its date as written in the metadata.</param>
public sealed record TermAppearance(string Document, string Date);

/// <summary>What <c>trend --terms</c> found: the points, and each term over all periods.</summary>
/// <param name="Points">Per period and term, in time order, then term order.</param>
/// <param name="Terms">Per term, in the order given: its totals and its first and last appearance.</param>
public sealed record TermTrendResult(IReadOnlyList<TermTrendPoint> Points, IReadOnlyList<TermSpan> Terms);

/// <summary>A search term over all periods.</summary>
/// <param name="Term">The term, as written.</param>
/// <param name="Hits">Its matches in the dated documents.</param>
/// <param name="Documents">The dated documents mentioning it.</param>
/// <param name="First">Its earliest document, or null when it never appears.</param>
/// <param name="Last">Its latest document, or null when it never appears.</param>
public sealed record TermSpan(string Term, long Hits, int Documents, TermAppearance? First, TermAppearance? Last);
