using CommonProsperity.Nlp.Counting;

namespace CommonProsperity.Nlp.Discovery;

/// <summary>
/// One theme in one group of a comparison, with two tests: across all groups (a 2×k chi-square of the
/// theme's hits against the other tokens, df = k − 1), and this group against the rest (G² and log ratio,
/// as in keyness).
/// </summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Group">The group.</param>
/// <param name="Tally">The theme's counts over the group's documents.</param>
/// <param name="Versus">This group's hits and tokens against the other groups' together.</param>
/// <param name="Chi2">The theme's chi-square across all groups (the same on each of its rows).</param>
/// <param name="DegreesOfFreedom">Groups minus one.</param>
/// <param name="P">The p-value of <paramref name="Chi2"/>.</param>
public sealed record ThemeGroupComparison(string Theme, string Group, ThemeGroupTally Tally, KeynessScore Versus, double Chi2, int DegreesOfFreedom, double P);
