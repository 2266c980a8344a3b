namespace CommonProsperity.Nlp.Jobs;

/// <summary>What a job over labelled passages (<see cref="LexiconCheckJob"/>, <see cref="LexiconSuggestJob"/>) found.</summary>
/// <typeparam name="T">The job's findings.</typeparam>
/// <param name="Value">The findings.</param>
/// <param name="Passages">Labelled passages looked at.</param>
public sealed record LabelledResult<T>(T Value, int Passages);
