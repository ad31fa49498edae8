using Microsoft.EntityFrameworkCore;
using Network.Benchmarking;
using Network.Benchmarking.Matching;
using Network.Contracts.Catalogue;
using Network.Hub.Embargo;
using Network.Hub.Limits;
using Network.Hub.Matching;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.Pages.Partners;

/// <summary>
/// What the Partners page shows, asked of the same entry points as GraphQL's <c>peers</c> and <c>learnFrom</c>: the
/// period's <see cref="PeerMatcher"/> from <see cref="NetworkMatchers"/>, over what the request's reader may read
/// (<see cref="CallerReadership"/>: an anonymous visitor is matched on the public record only), with the engine's
/// refusals read by <see cref="EngineRefusal"/>. The matching runs in a slot of the <see cref="CostlyWorkGate"/>, as a
/// GraphQL query with a <c>peers</c> field does.
/// </summary>
public sealed class PartnersReader(NetworkDbContext db, NetworkScores scores, NetworkMatchers matchers, CallerReadership reader, CostlyWorkGate gate)
{
    /// <summary>
    /// A KPI standing at or below this is weak: the engine's default gap threshold
    /// (<see cref="PeerMatcher.StrengthsAndGaps"/>), applied to one KPI.
    /// </summary>
    public const double WeakAtMost = 30;

    /// <summary>The most weak KPIs the page lists, weakest first: one learn-from-whom pass each.</summary>
    public const int MaxWeakKpis = 8;

    /// <summary>The most cities listed to learn one weak KPI from.</summary>
    public const int MaxTeachersPerKpi = 5;

    /// <summary>The member cities (id and name), by name, for the form's city list.</summary>
    public async Task<IReadOnlyList<PartnersCityChoice>> CitiesAsync(CancellationToken cancellationToken) =>
        await db.Cities.AsNoTracking().OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new PartnersCityChoice(c.Id, c.Name)).ToListAsync(cancellationToken);

    /// <summary>The periods with values the reader may read, newest first.</summary>
    public Task<IReadOnlyList<int>> PeriodsAsync(CancellationToken cancellationToken) =>
        scores.PeriodsAsync(reader.Current, cancellationToken);

    /// <summary>
    /// Similar cities (with the query's dimension weights), complementary partners and whom to learn each weak KPI
    /// from, for a city the caller has checked exists, in <paramref name="period"/>.
    /// </summary>
    public async Task<PartnersAnswer> AnswerAsync(PartnersQuery query, int period, KpiCatalogue catalogue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(catalogue);
        using var slot = await gate.TryEnterAsync(cancellationToken);
        if (slot is null)
        {
            return PartnersAnswer.Busy(gate.Options.MaxConcurrent, gate.RetryAfterSeconds);
        }

        var matcher = await matchers.ForPeriodAsync(reader.Current, period, query.Basis, cancellationToken);
        var city = query.City!;
        if (matcher is null || !matcher.Period.Contains(city))
        {
            return PartnersAnswer.Refused($"{city} reported no values for {period} that you may read.");
        }

        try
        {
            var similar = matcher.SimilarCities(city, Weights(matcher, city, query), query.Partners);
            var partners = matcher.ComplementaryPartners(city, query.Partners);
            return new PartnersAnswer(matcher.Period.Period, similar, partners, WeakKpis(matcher, city), null, null);
        }
        catch (Exception e) when (EngineRefusal.Of(e) is { } refusal)
        {
            return PartnersAnswer.Refused(refusal.Message);
        }
    }

    // The KPIs the city reported, each weighted by its dimension's weight; a dimension weighted 0 is left out. Only
    // the city's own KPIs are picked, so "similar" means similar on what it reports, and the engine's default minimum
    // overlap (half the picked KPIs) is half of those.
    private static List<KpiWeight> Weights(PeerMatcher matcher, string city, PartnersQuery query)
    {
        var reported = matcher.Period.ValuesOf(city).Select(v => v.Kpi).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. matcher.Kpis.DistinctBy(k => k.Code)
                .Where(k => reported.Contains(k.Code) && query.Weights.GetValueOrDefault(k.Dimension, 1) > 0)
                .Select(k => new KpiWeight(k.Code, query.Weights.GetValueOrDefault(k.Dimension, 1))),
        ];
    }

    // For each KPI the city stands low on, whom to learn it from (the engine's order: same country, nearest size, larger
    // lead). The city's standing on a KPI is what LearnFrom reports against each better city; a KPI nobody does better
    // on is not weak.
    private static List<PartnersWeakKpi> WeakKpis(PeerMatcher matcher, string city)
    {
        var weak = new List<PartnersWeakKpi>();
        var reported = matcher.Period.ValuesOf(city).ToLookup(v => v.Kpi, StringComparer.Ordinal);
        foreach (var kpi in matcher.Kpis.DistinctBy(k => k.Code).Where(k => reported.Contains(k.Code)))
        {
            var better = matcher.LearnFrom(city, kpi.Code, MaxTeachersPerKpi);
            if (better.Count > 0 && better[0].CityStanding <= WeakAtMost)
            {
                weak.Add(new PartnersWeakKpi(kpi, better[0].CityStanding, [.. reported[kpi.Code]], better));
            }
        }

        return [.. weak.OrderBy(w => w.Standing).ThenBy(w => w.Kpi.Code, StringComparer.Ordinal).Take(MaxWeakKpis)];
    }
}

/// <summary>A city in the form's list.</summary>
/// <param name="Id">The city id.</param>
/// <param name="Name">Its name.</param>
public sealed record PartnersCityChoice(string Id, string Name);

/// <summary>A KPI the city stands low on, and the cities that do better on it.</summary>
/// <param name="Kpi">The KPI.</param>
/// <param name="Standing">The city's KPI standing, 0–100 (100 = best in the network).</param>
/// <param name="Values">The city's own values of the KPI (one, or one per data point).</param>
/// <param name="Better">The cities that do better, in the engine's order.</param>
public sealed record PartnersWeakKpi(Kpi Kpi, double Standing, IReadOnlyList<ReportedValue> Values, IReadOnlyList<BetterPeer> Better);

/// <summary>The Partners page's answer: the three sections, or why there are none.</summary>
/// <param name="Period">The period matched.</param>
/// <param name="Similar">Similar cities, nearest first.</param>
/// <param name="Partners">Complementary partners, best first.</param>
/// <param name="Weak">The city's weak KPIs, weakest first, with whom to learn each from.</param>
/// <param name="Refusal">The engine's refusal, to show at the city field; null when answered.</param>
/// <param name="BusyMessage">Why the hub did not do the work now (503); null when answered.</param>
public sealed record PartnersAnswer(
    int Period,
    IReadOnlyList<SimilarCity> Similar,
    IReadOnlyList<ComplementaryMatch> Partners,
    IReadOnlyList<PartnersWeakKpi> Weak,
    string? Refusal,
    string? BusyMessage)
{
    /// <summary>How long to wait before asking again, when busy.</summary>
    public int RetryAfterSeconds { get; private init; }

    /// <summary>The engine refused the question.</summary>
    public static PartnersAnswer Refused(string message) => new(0, [], [], [], message, null);

    /// <summary>Every slot for costly work was taken; the words of GraphQL's <c>BUSY</c>.</summary>
    public static PartnersAnswer Busy(int maxConcurrent, int retryAfterSeconds) => new(0, [], [], [], null,
        $"The hub is running as many costly queries as it allows at once ({maxConcurrent}) and none finished in time. Try again in {retryAfterSeconds} s.")
    {
        RetryAfterSeconds = retryAfterSeconds,
    };
}
