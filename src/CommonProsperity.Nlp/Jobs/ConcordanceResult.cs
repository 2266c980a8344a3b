using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>What a concordance run (<c>kwic</c>) found.</summary>
/// <param name="Matches">Every match in the documents.</param>
/// <param name="Lines">The lines written to <c>kwic.csv</c>: every match, or the sample drawn from them.</param>
/// <param name="Sampled">Whether <paramref name="Lines"/> is a sample (then <c>kwic.csv</c> has an empty <see cref="KwicLine.CorrectColumn"/> column).</param>
public sealed record ConcordanceResult(int Matches, IReadOnlyList<KwicLine> Lines, bool Sampled);
