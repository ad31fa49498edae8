namespace Network.Contracts.Catalogue;

/// <summary>Which way a KPI's value is good. Scoring and peer matching read this; nothing guesses it.</summary>
public enum Direction
{
    /// <summary>More is better (internet access, life expectancy).</summary>
    HigherIsBetter,

    /// <summary>Less is better (unemployment, GHG emissions per capita, water loss).</summary>
    LowerIsBetter,

    /// <summary>Best at an ideal value, worse either side (gender income equity, ideal 1.0).</summary>
    TargetBand,

    /// <summary>No direction: a composition such as transport mode share or waste by disposal route.</summary>
    None,
}
