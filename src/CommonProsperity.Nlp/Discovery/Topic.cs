namespace CommonProsperity.Nlp.Discovery;

/// <summary>One topic of a fitted model: its top words and the codebook theme it is closest to.</summary>
/// <param name="Number">The topic's number, from 1.</param>
/// <param name="Terms">Its top words, most probable first.</param>
/// <param name="Share">Its share of all the corpus's modelled words (the topics' shares sum to 1).</param>
/// <param name="Theme">The theme whose lexicon terms carry most of the weight of the top words, or null when none does.</param>
/// <param name="ThemeShare">The share of the top words' weight that the theme's terms carry (0 when no theme).</param>
public sealed record Topic(int Number, IReadOnlyList<TopicTerm> Terms, double Share, string? Theme, double ThemeShare)
{
    /// <summary>The first few words, for a label a person can read (<c>charity · donation · foundation</c>).</summary>
    public string Label(int words = 4) => string.Join(" · ", Terms.Take(words).Select(t => t.Term));
}
