using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;
using Network.Hub.Scoring;

namespace Network.Hub.Comparison;

/// <summary>
/// Cities side by side for one period: a row per KPI (or data point), a cell per city. Built by
/// <see cref="ComparisonTables"/> from the stored snapshots and the engine's scores, and shaped for any output that
/// prints a table (GraphQL, OData, CSV or XLSX exports). A value a city did not report is a cell whose
/// <see cref="ComparisonCell.Score"/> is <see langword="null"/>, never 0.
/// </summary>
/// <param name="Period">The reporting period (year).</param>
/// <param name="AsOf">The date the table shows the values as published on; <see langword="null"/> for the current values.</param>
/// <param name="TargetSet">The name and version of the target set the scores are against, e.g. <c>definition-implied 1</c>.</param>
/// <param name="Cities">The compared cities, in the order asked for; each row has one cell per city in this order.</param>
/// <param name="Rows">One row per KPI (data point), in the order asked for, or in catalogue order when all were asked for.</param>
/// <param name="Basis">
/// Which values the table counts: every reported one, or only the verified ones (then an unverified value is a missing
/// cell, and the network figures are over verified values only).
/// </param>
public sealed record ComparisonTable(
    int Period,
    DateTimeOffset? AsOf,
    string TargetSet,
    IReadOnlyList<ComparedCity> Cities,
    IReadOnlyList<ComparisonRow> Rows,
    ScoringBasis Basis = ScoringBasis.AsReported);

/// <summary>A city in a <see cref="ComparisonTable"/>.</summary>
/// <param name="Id">The city id, e.g. <c>NO-5001</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Population">Inhabitants, when known.</param>
/// <param name="Synthetic">Whether its data is synthetic demo data.</param>
/// <param name="Reported">Whether it reported any value for the period (as of the table's date).</param>
public sealed record ComparedCity(string Id, string Name, int? Population, bool Synthetic, bool Reported);

/// <summary>One KPI (or one data point of it) across the compared cities.</summary>
/// <param name="Key">The KPI and data point.</param>
/// <param name="Kpi">The KPI as the catalogue defines it (name, unit, direction).</param>
/// <param name="ReportingCount">How many cities of the whole network reported it for the period.</param>
/// <param name="NetworkMedian">The median over the whole network; <see langword="null"/> when no city reported it.</param>
/// <param name="Cells">One cell per compared city, in the order of <see cref="ComparisonTable.Cities"/>.</param>
public sealed record ComparisonRow(KpiKey Key, Kpi Kpi, int ReportingCount, double? NetworkMedian, IReadOnlyList<ComparisonCell> Cells);

/// <summary>
/// One city's cell for one KPI (data point): the engine's <see cref="ValueScore"/> of the city's value, or
/// <see langword="null"/> when the city did not report it (then the cell shows nothing but the unit and the network
/// figures, never 0). The score's own target fields are <see langword="null"/> when the target set has no target for
/// it, and rank and percentile when the KPI has no direction (or, for the percentile, when the city is the only one
/// reporting).
/// </summary>
/// <param name="CityId">The city.</param>
/// <param name="Unit">The KPI's unit symbol.</param>
/// <param name="NetworkMedian">The network median of the KPI (data point).</param>
/// <param name="ReportingCount">How many cities of the network reported it.</param>
/// <param name="Score">The city's value, scored; <see langword="null"/> when not reported.</param>
public sealed record ComparisonCell(string CityId, string Unit, double? NetworkMedian, int ReportingCount, ValueScore? Score)
{
    /// <summary>Whether the city reported this value.</summary>
    public bool Reported => Score is not null;
}
