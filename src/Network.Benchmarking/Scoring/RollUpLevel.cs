namespace Network.Benchmarking.Scoring;

/// <summary>The levels U4SSC aggregates points at.</summary>
public enum RollUpLevel
{
    /// <summary>A category node, e.g. <c>EC-ICT-WS</c> Water and Sanitation under ICT.</summary>
    Category,

    /// <summary>A sub-dimension, e.g. <c>EC-ICT</c> ICT.</summary>
    SubDimension,

    /// <summary>A dimension: Economy (<c>EC</c>), Environment (<c>EN</c>), Society and Culture (<c>SC</c>).</summary>
    Dimension,
}
