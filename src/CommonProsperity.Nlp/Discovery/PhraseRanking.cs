namespace CommonProsperity.Nlp.Discovery;

/// <summary>How collocations are ranked.</summary>
public enum PhraseRanking
{
    /// <summary>By the log-likelihood G² (Dunning 1993): strong and frequent pairs first.</summary>
    G2,

    /// <summary>By pointwise mutual information: exclusive pairs first, rare ones included (keep a minimum count).</summary>
    Pmi,
}
