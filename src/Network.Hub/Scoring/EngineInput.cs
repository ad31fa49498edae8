using Microsoft.EntityFrameworkCore;
using Network.Benchmarking;
using Network.Hub.Storage;

namespace Network.Hub.Scoring;

/// <summary>
/// The one projection from stored rows into the engine's input: every load of the engine (a whole period, or the
/// cities that published since) reads its values through it, so the row becomes a <see cref="ReportedValue"/> in one
/// step, with no shape in between.
/// </summary>
public static class EngineInput
{
    /// <summary>Reads <paramref name="rows"/> as the engine's input: only the columns the engine uses leave the database.</summary>
    public static Task<List<ReportedValue>> ReadReportedValuesAsync(this IQueryable<KpiValueRecord> rows, CancellationToken cancellationToken) =>
        rows.Select(v => new ReportedValue(v.CityId, v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Quality,
                false)) // verifier attestations are not stored yet: nothing is verified
            .ToListAsync(cancellationToken);
}
