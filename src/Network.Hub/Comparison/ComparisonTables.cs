using Microsoft.EntityFrameworkCore;
using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;
using Network.Contracts.Results;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.Comparison;

/// <summary>
/// Builds <see cref="ComparisonTable"/>s: the cities' current (or as-of) values for a period, scored by the engine
/// against a target set, a row per KPI (data point) and a cell per city. Two database round trips at most,
/// whatever the number of cities or KPIs: one for the cities, and the period load that <see cref="NetworkScores"/>
/// caches. GraphQL's <c>compare</c> uses it; OData and the exports are meant to use the same table.
/// </summary>
public sealed class ComparisonTables(NetworkScores scores, IServiceScopeFactory scopes, KpiCatalogue catalogue)
{
    /// <summary>The most cities one table may compare.</summary>
    public const int MaxCities = 100;

    /// <summary>
    /// Builds the table over what <paramref name="readership"/> (the caller's) may read, or returns every reason it
    /// cannot be built (no cities, unknown cities or KPIs).
    /// </summary>
    public async Task<Result<ComparisonTable, ComparisonProblem>> BuildAsync(ComparisonRequest request, Readership readership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<ComparisonProblem>();
        var ids = request.CityIds.Distinct(StringComparer.Ordinal).ToArray();
        if (ids.Length == 0)
        {
            problems.Add(new(ComparisonProblemReason.NoCities, "cities", "Name at least one city to compare, e.g. NO-5001."));
        }
        else if (ids.Length > MaxCities)
        {
            problems.Add(new(ComparisonProblemReason.TooManyCities, "cities",
                $"A comparison holds at most {MaxCities} cities; {ids.Length} were named."));
        }

        var kpis = new List<Kpi>();
        foreach (var code in (request.Kpis ?? []).Distinct(StringComparer.Ordinal))
        {
            if (catalogue.TryGet(code, out var kpi))
            {
                kpis.Add(kpi);
            }
            else
            {
                problems.Add(new(ComparisonProblemReason.UnknownKpi, "kpis",
                    $"The catalogue {catalogue.Version} has no KPI '{code}'. KPI codes look like EC-ICT-ICT-1C."));
            }
        }

        if (problems.Count > 0)
        {
            return Result<ComparisonTable, ComparisonProblem>.Refused(problems);
        }

        var members = await MembersAsync(ids, readership, cancellationToken);
        foreach (var unknown in ids.Where(id => !members.ContainsKey(id)))
        {
            problems.Add(new(ComparisonProblemReason.UnknownCity, "cities",
                $"No member city has the id '{unknown}'. City ids look like NO-5001."));
        }

        if (problems.Count > 0)
        {
            return Result<ComparisonTable, ComparisonProblem>.Refused(problems);
        }

        var scorer = await scores.ForPeriodAsync(readership, request.Period, request.AsOf, request.Targets, request.Basis, cancellationToken);
        var period = scorer.Period;
        var cards = ids.ToDictionary(id => id, id => period.Contains(id) ? scorer.Score(id) : null, StringComparer.Ordinal);
        IEnumerable<KpiKey> keys = kpis.Count > 0
            ? kpis.SelectMany(k => k.HasDataPoints ? k.DataPoints.Select(p => new KpiKey(k.Code, p)) : [new KpiKey(k.Code)])
            : period.Keys.Where(key => ids.Any(id => period.Find(id, key) is not null));
        var rows = keys
            .Select(key =>
            {
                var distribution = period.Distribution(key);
                var cells = ids.Select(id => CellOf(id, key, distribution, cards[id])).ToArray();
                return new ComparisonRow(key, distribution.Kpi, distribution.ReportingCount, distribution.Median, cells);
            })
            .ToArray();
        var cities = ids.Select(id => members[id] with { Reported = period.Contains(id) }).ToArray();
        return Result<ComparisonTable, ComparisonProblem>.Of(new ComparisonTable(request.Period, request.AsOf, scorer.Targets.ToString(), cities, rows, request.Basis));
    }

    private static ComparisonCell CellOf(string cityId, KpiKey key, KpiDistribution distribution, ScoreCard? card)
    {
        var unit = distribution.Kpi.Unit.Symbol;
        return card?.Kpi(key.Kpi)?.Value(key.DataPoint) is { } scored
            ? new ComparisonCell(cityId, unit, scored.Standing.NetworkMedian, scored.Standing.ReportingCount, scored)
            : new ComparisonCell(cityId, unit, distribution.Median, distribution.ReportingCount, null);
    }

    private async Task<Dictionary<string, ComparedCity>> MembersAsync(string[] ids, Readership readership, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateReadingScope(readership);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        return await db.Cities.AsNoTracking()
            .Where(c => ids.Contains(c.Id))
            .Select(c => new ComparedCity(c.Id, c.Name, c.Population, c.IsSynthetic, false))
            .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
    }
}
