using Network.Contracts.Catalogue;

namespace Network.Hub.Catalogue;

/// <summary>The body of <c>GET /api/kpis</c>: the KPIs that passed the filters, in catalogue order.</summary>
/// <param name="CatalogueVersion">The catalogue version, e.g. <c>u4ssc-2017.1</c>.</param>
/// <param name="Count">How many KPIs <paramref name="Kpis"/> holds.</param>
/// <param name="Kpis">The KPIs.</param>
public sealed record KpiListResponse(string CatalogueVersion, int Count, IReadOnlyList<KpiResponse> Kpis);

/// <summary>
/// One KPI as the API shows it. Unlike the contract's <see cref="Kpi"/> it nests the unit's prose description
/// inside the unit and leaves out the catalogue's provenance notes.
/// </summary>
/// <param name="Code">The network's code, e.g. <c>EC-ICT-ICT-1C</c>.</param>
/// <param name="OfficialCode">The code as U4SSC prints it, e.g. <c>EC: ICT: ICT: 1C</c>.</param>
/// <param name="Name">The KPI's name.</param>
/// <param name="Dimension">The dimension's name, e.g. <c>Society and Culture</c>.</param>
/// <param name="SubDimension">The sub-dimension's name, e.g. <c>ICT</c>.</param>
/// <param name="CategoryCode">The category node's code, e.g. <c>EC-ICT-WS</c>.</param>
/// <param name="Category">The category's name, e.g. <c>Water and Sanitation</c>.</param>
/// <param name="Unit">The unit values are reported in.</param>
/// <param name="DataPoints">The parts a value is reported in (3G/4G, pollutants); empty for a single number.</param>
/// <param name="Type"><c>core</c> or <c>advanced</c>.</param>
/// <param name="Direction">Which way is better: <c>higherIsBetter</c>, <c>lowerIsBetter</c>, <c>targetBand</c> or <c>none</c>.</param>
/// <param name="Sdgs">The UN Sustainable Development Goals (1–17) the KPI supports.</param>
public sealed record KpiResponse(
    string Code,
    string OfficialCode,
    string Name,
    string Dimension,
    string SubDimension,
    string CategoryCode,
    string Category,
    KpiUnitResponse Unit,
    IReadOnlyList<string> DataPoints,
    KpiType Type,
    Direction Direction,
    IReadOnlyList<int> Sdgs)
{
    /// <summary>The API view of <paramref name="kpi"/>.</summary>
    public static KpiResponse From(Kpi kpi) => new(
        kpi.Code,
        kpi.OfficialCode,
        kpi.Name,
        KpiCatalogue.NameOf(kpi.Dimension),
        kpi.SubDimension,
        kpi.CategoryCode,
        kpi.Category,
        new KpiUnitResponse(
            kpi.Unit.Kind,
            kpi.Unit.Symbol,
            kpi.Unit.Minimum,
            kpi.Unit.Maximum,
            kpi.Unit.WholeNumbersOnly,
            kpi.UnitDescription),
        kpi.DataPoints,
        kpi.Type,
        kpi.Direction,
        kpi.Sdgs);
}

/// <summary>A KPI's unit: what a snapshot must write, and which numbers are possible.</summary>
/// <param name="Kind">The kind of quantity, e.g. <c>percentage</c> or <c>ratePer100000</c>.</param>
/// <param name="Symbol">The exact text a value's <c>unit</c> field must hold, e.g. <c>%</c>.</param>
/// <param name="Minimum">The smallest possible value, inclusive.</param>
/// <param name="Maximum">The largest possible value, inclusive; <see langword="null"/> for no upper bound.</param>
/// <param name="WholeNumbersOnly">Whether only whole numbers are possible.</param>
/// <param name="Description">The unit in U4SSC's words, e.g. <c>% of households with internet access</c>.</param>
public sealed record KpiUnitResponse(
    UnitKind Kind,
    string Symbol,
    double Minimum,
    double? Maximum,
    bool WholeNumbersOnly,
    string Description);
