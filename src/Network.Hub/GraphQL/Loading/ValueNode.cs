using Network.Contracts.Snapshots;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Hub.GraphQL.Loading;

/// <summary>One stored value of one snapshot.</summary>
/// <param name="SnapshotId">The snapshot it belongs to.</param>
/// <param name="CityId">The city.</param>
/// <param name="Period">The period.</param>
/// <param name="KpiCode">The KPI code.</param>
/// <param name="DataPoint">The data point; <see langword="null"/> for a KPI reported as one number.</param>
/// <param name="Value">The number.</param>
/// <param name="Unit">The unit symbol.</param>
/// <param name="Quality">The data-quality class.</param>
/// <param name="Origin">Who produced the data.</param>
/// <param name="Source">Where it can be checked.</param>
/// <param name="Note">An optional note.</param>
/// <param name="Verdict">Its current verdict (<see cref="ValueVerdicts"/>); null when no verifier gave one the reader may see.</param>
public sealed record ValueNode(
    Guid SnapshotId,
    string CityId,
    int Period,
    string KpiCode,
    string? DataPoint,
    double Value,
    string Unit,
    DataQuality Quality,
    string Origin,
    string Source,
    string? Note,
    ValueVerdict? Verdict = null)
{
    /// <summary>The node of a stored value and its current verdict; the city's note only for a reader inside the network.</summary>
    public static ValueNode From(ValueWithVerdict row, bool withNote)
    {
        ArgumentNullException.ThrowIfNull(row);
        var v = row.Value;
        return new(v.SnapshotId, v.CityId, v.Period, v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit, v.Quality, v.Origin, v.Source,
            MembersOnly.Note(v, withNote), ValueVerdict.Of(row.Verdict));
    }
}
