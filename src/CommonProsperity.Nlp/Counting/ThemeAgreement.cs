namespace CommonProsperity.Nlp.Counting;

/// <summary>Passage-level agreement of a lexicon theme with gold labels (a passage is positive when any term hits).</summary>
/// <param name="Theme">The theme id.</param>
/// <param name="Language">The language, or <c>all</c>.</param>
/// <param name="TruePositives">Passages with a hit and the gold theme.</param>
/// <param name="FalsePositives">Passages with a hit but not the gold theme.</param>
/// <param name="FalseNegatives">Passages with the gold theme but no hit.</param>
/// <param name="Passages">Passages compared.</param>
public sealed record ThemeAgreement(string Theme, string Language, int TruePositives, int FalsePositives, int FalseNegatives, int Passages)
{
    /// <summary>Gold positives.</summary>
    public int Support => TruePositives + FalseNegatives;

    /// <summary>TP / (TP + FP), 0 when nothing fired.</summary>
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    /// <summary>TP / (TP + FN), 0 when there is no gold positive.</summary>
    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;

    /// <summary>The harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
