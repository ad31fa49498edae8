namespace Network.Contracts.Catalogue;

/// <summary>One U4SSC Key Performance Indicator as the catalogue defines it.</summary>
/// <param name="Code">The network's code: the official code with <c>": "</c> replaced by <c>-</c>, e.g. <c>EC-ICT-ICT-1C</c>.</param>
/// <param name="OfficialCode">The code as printed by U4SSC, e.g. <c>EC: ICT: ICT: 1C</c>.</param>
/// <param name="Dimension">The dimension the KPI belongs to.</param>
/// <param name="SubDimension">The sub-dimension's name, e.g. <c>ICT</c> or <c>Education, Health and Culture</c>.</param>
/// <param name="CategoryCode">The code of the category node in the tree, e.g. <c>EC-ICT-WS</c>.</param>
/// <param name="Category">The category's name, e.g. <c>Water and Sanitation</c>.</param>
/// <param name="Name">The KPI's name, e.g. <c>Household Internet Access</c>.</param>
/// <param name="UnitDescription">The unit as prose, from the U4SSC definition.</param>
/// <param name="Unit">The machine-readable unit values must be reported in.</param>
/// <param name="DataPoints">The data points a value must name, for KPIs reported in parts (3G/4G, pollutants,
/// modes of transport); empty for KPIs reported as one number.</param>
/// <param name="Type">Core or advanced.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="Sdgs">The UN Sustainable Development Goals (1–17) the KPI supports.</param>
/// <param name="Notes">Provenance notes about the catalogue row.</param>
public sealed record Kpi(
    string Code,
    string OfficialCode,
    Dimension Dimension,
    string SubDimension,
    string CategoryCode,
    string Category,
    string Name,
    string UnitDescription,
    KpiUnit Unit,
    IReadOnlyList<string> DataPoints,
    KpiType Type,
    Direction Direction,
    IReadOnlyList<int> Sdgs,
    string Notes)
{
    /// <summary>Whether a value of this KPI must name one of <see cref="DataPoints"/>.</summary>
    public bool HasDataPoints => DataPoints.Count > 0;
}
