namespace CommonProsperity.Nlp.Models;

/// <summary>The ML.NET binary trainer fitted per theme.</summary>
public enum ClassifierTrainerKind
{
    /// <summary>L-BFGS logistic regression (L2-regularised).</summary>
    Lbfgs,

    /// <summary>SDCA logistic regression (L2-regularised, calibrated).</summary>
    Sdca,

    /// <summary>FastTree gradient-boosted trees (Platt-calibrated).</summary>
    FastTree,
}
