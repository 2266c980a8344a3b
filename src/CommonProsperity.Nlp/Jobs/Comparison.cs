using CommonProsperity.Nlp.Discovery;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>The outcome of <c>compare</c>: the groups, their key words, and their theme rates.</summary>
/// <param name="By">What the groups are: a field name, or <c>inputs</c> for two input sets.</param>
/// <param name="Keyness">The key words of each group.</param>
/// <param name="Themes">Each theme's rate in each group, with tests.</param>
public sealed record Comparison(string By, KeynessResult Keyness, IReadOnlyList<ThemeGroupComparison> Themes);
