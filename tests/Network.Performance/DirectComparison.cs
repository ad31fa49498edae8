using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Embargo;
using Network.Hub.Storage;

namespace Network.Performance;

/// <summary>
/// The baseline: the comparison's values read straight from the hub's <see cref="NetworkDbContext"/> in this process,
/// no HTTP, no serialisation, no scoring, materialised to a list; a scope (and pooled context) per call, as each API
/// request gets. As the issue asks, the read the APIs build on: <see cref="SnapshotHistory.CurrentValues"/> (values
/// of every current snapshot) filtered to the cities, KPIs and period. With <paramref name="narrowed"/>, the same
/// answer read the way a hand-tuned query would: the current snapshots of the cities and period first, then their
/// values; SQLite cannot move the filters on the values into the current-snapshot subquery by itself.
/// </summary>
public sealed partial class DirectComparison(IServiceProvider hub, ComparisonQuery query, bool narrowed = false) : IComparisonWay
{
    private readonly string[] _cities = [.. query.CityIds];
    private readonly string[] _kpis = [.. query.Kpis];

    /// <inheritdoc/>
    public string Name => narrowed ? "direct EF Core query, snapshots narrowed first" : "direct EF Core query (`CurrentValues`)";

    /// <summary>The SQL the query runs, for the report: without the parameter values, each parameter list cut to its first.</summary>
    public string Sql()
    {
        using var scope = hub.CreateNetworkScope();
        var sql = Query(scope.ServiceProvider.GetRequiredService<NetworkDbContext>()).ToQueryString();
        var lines = sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal) && l.Trim().Length > 0);
        return ParameterList().Replace(string.Join('\n', lines), "($1, …)");
    }

    /// <summary>SQLite's plan for the query (<c>EXPLAIN QUERY PLAN</c>, the parameters bound as EF Core binds them), one step a line.</summary>
    public async Task<IReadOnlyList<string>> QueryPlanAsync()
    {
        await using var scope = hub.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        await using var command = Query(db).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        try
        {
            var steps = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3)); // id, parent, notused, detail
            }

            return steps;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [GeneratedRegex(@"\((@\w+?1), @[^)]*\)")]
    private static partial Regex ParameterList();

    /// <inheritdoc/>
    public async Task FetchAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ComparisonCellKey, double>> ReadValuesAsync(CancellationToken cancellationToken) =>
        (await ReadAsync(cancellationToken)).ToDictionary(v => new ComparisonCellKey(v.CityId, v.KpiCode, StoredDataPoint.Read(v.DataPoint)), v => v.Value);

    private async Task<List<KpiValueRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        await using var scope = hub.CreateNetworkScope();
        return await Query(scope.ServiceProvider.GetRequiredService<NetworkDbContext>()).ToListAsync(cancellationToken);
    }

    private IQueryable<KpiValueRecord> Query(NetworkDbContext db)
    {
        var period = query.Period;
        if (narrowed)
        {
            var snapshots = db.CurrentSnapshots().Where(s => s.Period == period && _cities.Contains(s.CityId)).Select(s => s.SnapshotId);
            return db.KpiValues.Where(v => snapshots.Contains(v.SnapshotId) && _kpis.Contains(v.KpiCode)).AsNoTracking();
        }

        return db.CurrentValues()
            .Where(v => v.Period == period && _cities.Contains(v.CityId) && _kpis.Contains(v.KpiCode))
            .AsNoTracking();
    }
}
