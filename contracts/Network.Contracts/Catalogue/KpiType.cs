namespace Network.Contracts.Catalogue;

/// <summary>U4SSC's split between the indicators every city reports and the optional ones.</summary>
public enum KpiType
{
    /// <summary>A core KPI (official code ends in <c>C</c>).</summary>
    Core,

    /// <summary>An advanced KPI (official code ends in <c>A</c>).</summary>
    Advanced,
}
