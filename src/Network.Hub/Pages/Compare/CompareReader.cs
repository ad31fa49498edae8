using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Hub.Cities;
using Network.Hub.Comparison;
using Network.Hub.Embargo;
using Network.Hub.Storage;
using Network.Hub.Targets;

namespace Network.Hub.Pages.Compare;

/// <summary>
/// What the Compare page reads, over what the request's reader may read (the embargo's query filter applies to the
/// database, and the comparison is built for the caller's readership): the cities and periods to choose from, the
/// target sets, and the comparison itself, built by <see cref="ComparisonTables"/> as GraphQL, OData and the
/// CSV/XLSX exports build it.
/// </summary>
public sealed class CompareReader(NetworkDbContext db, CallerReadership reader, ComparisonTables tables, TargetSets sets, KpiCatalogue catalogue)
{
    /// <summary>The catalogue the form arranges KPIs by.</summary>
    public KpiCatalogue Catalogue => catalogue;

    /// <summary>What the form offers: every member city, every period any city published, every target set.</summary>
    public async Task<CompareChoices> ChoicesAsync(CancellationToken cancellationToken)
    {
        var cities = (await CitiesApi.ListAsync(db, cancellationToken)).Value ?? [];
        var periods = await db.CurrentSnapshots().Select(s => s.Period).Distinct().OrderByDescending(p => p).ToListAsync(cancellationToken);
        var targetSets = await sets.NamesAsync(cancellationToken);
        return new CompareChoices(cities, periods, targetSets);
    }

    /// <summary>
    /// The comparison the selection asks for, or every reason it cannot be built, each pointing at its field. The page's
    /// bounds are checked first (<see cref="CompareSelection.Check"/>), so an over-long or malformed request costs no read.
    /// </summary>
    public async Task<CompareOutcome> CompareAsync(CompareSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var problems = selection.Check(catalogue).ToList();
        var targets = await sets.ResolveAsync(selection.TargetSet, cancellationToken);
        if (targets is null)
        {
            problems.Add(new(CompareField.TargetSet,
                $"No target set is named '{selection.TargetSet}'; the hub has: {string.Join(", ", await sets.NamesAsync(cancellationToken))}."));
        }

        if (problems.Count > 0)
        {
            return CompareOutcome.Refused(problems);
        }

        var (period, note) = selection.PeriodYear is { } year ? (year, null) : await LatestCommonPeriodAsync(selection.Cities, cancellationToken);
        if (period is null)
        {
            return CompareOutcome.Refused([new(CompareField.Period, "No city has published values yet, so there is no period to compare.")]);
        }

        var result = await tables.BuildAsync(
            new ComparisonRequest(selection.Cities, period.Value, selection.KpiCodes(catalogue), Targets: targets), reader.Current, cancellationToken);
        if (!result.TryGetValue(out var table))
        {
            return CompareOutcome.Refused([.. result.Failures.Select(p => new CompareProblem(FieldOf(p), p.Message))]);
        }

        return new CompareOutcome(new CompareResult(table, targets!, note), []);
    }

    private static CompareField FieldOf(ComparisonProblem problem) =>
        problem.Reason == ComparisonProblemReason.UnknownKpi ? CompareField.Kpis : CompareField.Cities;

    // The latest period every chosen city published; when they share none, the latest any of them did, said in a note.
    private async Task<(int? Period, string? Note)> LatestCommonPeriodAsync(IReadOnlyList<string> cityIds, CancellationToken cancellationToken)
    {
        var ids = cityIds.ToArray();
        var published = await db.CurrentSnapshots().Where(s => ids.Contains(s.CityId))
            .Select(s => new { s.CityId, s.Period }).Distinct().ToListAsync(cancellationToken);
        var byCity = published.GroupBy(p => p.CityId).ToDictionary(g => g.Key, g => g.Select(p => p.Period).ToHashSet(), StringComparer.Ordinal);
        var common = ids.All(byCity.ContainsKey)
            ? byCity.Values.Aggregate((a, b) => [.. a.Intersect(b)])
            : [];
        if (common.Count > 0)
        {
            return (common.Max(), null);
        }

        if (published.Count > 0)
        {
            var latest = published.Max(p => p.Period);
            return (latest, $"The chosen cities have no published period in common; this is {latest}, the latest any of them published.");
        }

        var network = await db.CurrentSnapshots().MaxAsync(s => (int?)s.Period, cancellationToken);
        return (network, $"None of the chosen cities has published values yet; this is {network}, the network's latest period.");
    }
}

/// <summary>What the Compare form offers.</summary>
/// <param name="Cities">Every member city, as <c>GET /api/cities</c> lists it.</param>
/// <param name="Periods">Every period any city published, latest first.</param>
/// <param name="TargetSets">The target sets' names, the default first.</param>
public sealed record CompareChoices(IReadOnlyList<CityView> Cities, IReadOnlyList<int> Periods, IReadOnlyList<string> TargetSets);

/// <summary>A comparison that could be built.</summary>
/// <param name="Table">The table every output of the hub shares.</param>
/// <param name="Targets">The target set it was scored against (for the bands).</param>
/// <param name="PeriodNote">Why the period is what it is, when that needs saying; else <see langword="null"/>.</param>
public sealed record CompareResult(ComparisonTable Table, TargetSet Targets, string? PeriodNote);

/// <summary>The comparison, or the reasons it was refused.</summary>
/// <param name="Result">The comparison; <see langword="null"/> when refused.</param>
/// <param name="Problems">Every reason it was refused; empty when built.</param>
public sealed record CompareOutcome(CompareResult? Result, IReadOnlyList<CompareProblem> Problems)
{
    /// <summary>A refusal.</summary>
    public static CompareOutcome Refused(IReadOnlyList<CompareProblem> problems) => new(null, problems);
}
