namespace CommonProsperity.Nlp.Discovery;

/// <summary>The time step of a trend.</summary>
public enum TrendPeriod
{
    /// <summary>Calendar years (<c>2023</c>).</summary>
    Year,

    /// <summary>Calendar months (<c>2023-01</c>); documents dated by year only are left out.</summary>
    Month,
}
