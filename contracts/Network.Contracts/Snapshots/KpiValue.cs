namespace Network.Contracts.Snapshots;

/// <summary>One reported number for one KPI (or one data point of it), with the U4SSC per-value metadata.</summary>
/// <param name="Kpi">The KPI code from the catalogue, e.g. <c>EN-EN-AQ-2C</c>.</param>
/// <param name="DataPoint">For KPIs reported in parts, which part (e.g. <c>4G</c>, <c>PM2.5</c>, <c>cycling</c>);
/// <see langword="null"/> for KPIs reported as one number.</param>
/// <param name="Value">The number, in <paramref name="Unit"/>. Always finite.</param>
/// <param name="Unit">The unit symbol; must equal the catalogue's <c>KpiUnit.Symbol</c> for the KPI.</param>
/// <param name="Quality">How the number was obtained.</param>
/// <param name="Origin">Who produced the data (e.g. <c>Trondheim kommune</c>, <c>Statistics Norway</c>).</param>
/// <param name="Source">Where it can be checked: a document, table or URL.</param>
/// <param name="Note">An optional remark for readers (a caveat, a definition difference).</param>
/// <param name="NoteDigest">In a format-2 snapshot, the digest of the note's disclosure that the signed payload carries
/// instead of the note (the value's <c>_sd</c>); <see langword="null"/> when the note travels in the clear or there is none.</param>
public sealed record KpiValue(
    string Kpi,
    string? DataPoint,
    double Value,
    string Unit,
    DataQuality Quality,
    string Origin,
    string Source,
    string? Note = null,
    string? NoteDigest = null);
