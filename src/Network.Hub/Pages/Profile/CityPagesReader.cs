using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Scoring;
using Network.Contracts.Catalogue;
using Network.Hub.Cities;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.Pages.Profile;

/// <summary>
/// What the pages show, read through the services the API uses (<see cref="CitiesApi"/>, <see cref="NetworkScores"/>,
/// the current values with their verdicts), over what the request's reader may read: the embargo's query filter applies.
/// </summary>
public sealed class CityPagesReader(NetworkDbContext db, NetworkScores scores, CallerReadership reader, KpiCatalogue catalogue)
{
    /// <summary>The catalogue the pages arrange values by.</summary>
    public KpiCatalogue Catalogue => catalogue;

    /// <summary>Every city as <c>GET /api/cities</c> lists it, with how many KPIs its current values report.</summary>
    public async Task<IReadOnlyList<NetworkRow>> CitiesAsync(CancellationToken cancellationToken)
    {
        var cities = (await CitiesApi.ListAsync(db, cancellationToken)).Value ?? [];
        var reported = await db.CurrentValues()
            .Select(v => new { v.CityId, v.KpiCode }).Distinct()
            .GroupBy(v => v.CityId).Select(g => new { CityId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CityId, g => g.Count, cancellationToken);
        return [.. cities.Select(c => new NetworkRow(c, reported.GetValueOrDefault(c.Id)))];
    }

    /// <summary>One city's profile for its latest period; null when there is no such city.</summary>
    public async Task<CityProfile?> ProfileAsync(string cityId, CancellationToken cancellationToken)
    {
        var city = await db.Cities.AsNoTracking().Where(c => c.Id == cityId).Select(c => new { c.Id, c.Name, c.Population }).SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return null;
        }

        var period = await db.CurrentSnapshots().Where(s => s.CityId == cityId).MaxAsync(s => (int?)s.Period, cancellationToken);
        if (period is not { } latest)
        {
            return new CityProfile(city.Id, city.Name, city.Population, null, null, []);
        }

        var values = await db.CurrentValuesOf(latest).Where(v => v.CityId == cityId).WithVerdicts(db)
            .AsNoTracking().ToListAsync(cancellationToken);
        var scorer = await scores.ForPeriodAsync(reader.Current, latest, cancellationToken: cancellationToken);
        var card = scorer.Period.Contains(cityId) ? scorer.Score(cityId) : null;
        return new CityProfile(city.Id, city.Name, city.Population, latest, card,
            [.. values.Select(v => new ProfileValue(v.Value, ValueVerdict.Of(v.Verdict)))]);
    }
}

/// <summary>A row of the Network page.</summary>
/// <param name="City">The city as the API lists it.</param>
/// <param name="ReportedKpis">How many of the catalogue's KPIs its current values report.</param>
public sealed record NetworkRow(CityView City, int ReportedKpis)
{
    /// <summary>The country: the first two letters of the city id (<c>NO</c> for <c>NO-5001</c>).</summary>
    public string Country => City.Id.Length >= 2 ? City.Id[..2] : City.Id;
}

/// <summary>A city's profile: its score card and current values of its latest period.</summary>
/// <param name="Id">The city id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Population">Inhabitants, when known.</param>
/// <param name="Period">The latest period the reader may read; null when none.</param>
/// <param name="Card">The score card of that period, as GraphQL's <c>city { scores }</c> computes it; null when none.</param>
/// <param name="Values">The current values of that period.</param>
public sealed record CityProfile(string Id, string Name, int? Population, int? Period, ScoreCard? Card, IReadOnlyList<ProfileValue> Values);

/// <summary>A current value with its verdict.</summary>
/// <param name="Value">The stored value.</param>
/// <param name="Verdict">Its current verdict, if any.</param>
public sealed record ProfileValue(KpiValueRecord Value, ValueVerdict? Verdict);
