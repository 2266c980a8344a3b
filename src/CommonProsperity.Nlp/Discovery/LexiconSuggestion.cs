namespace CommonProsperity.Nlp.Discovery;

/// <summary>A word or phrase that labelled passages of a theme use and the theme's lexicon does not yet catch.</summary>
/// <param name="Theme">The theme.</param>
/// <param name="Rank">1 for the best candidate of the theme.</param>
/// <param name="Term">The candidate, written as a lexicon term would be.</param>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Support">Passages labelled with the theme that contain it.</param>
/// <param name="Passages">All passages that contain it.</param>
/// <param name="Precision"><paramref name="Support"/> / <paramref name="Passages"/>: how often a passage with it is about the theme.</param>
/// <param name="PrecisionLow">The lower end of the 95% Wilson interval of the precision: the ranking score, which rewards support as well as precision.</param>
/// <param name="RecallShare">The share of the theme's labelled passages that contain it.</param>
/// <param name="NewPassages">Passages of the theme that contain it and that the theme's lexicon misses now: what adding it would gain.</param>
/// <param name="Example">The id of a passage of the theme that contains it (one the lexicon misses, when there is one).</param>
public sealed record LexiconSuggestion(string Theme, int Rank, string Term, string Language, int Support, int Passages,
    double Precision, double PrecisionLow, double RecallShare, int NewPassages, string Example);
