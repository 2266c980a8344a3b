using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>One theme in one period.</summary>
/// <param name="Period">The period: <c>yyyy</c> or <c>yyyy-MM</c>.</param>
/// <param name="Theme">The theme id.</param>
/// <param name="Tally">The theme's counts over the period's documents.</param>
public sealed record ThemeTrendPoint(string Period, string Theme, ThemeGroupTally Tally);
