using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Hub.Problems;
using Network.Hub.Storage;

namespace Network.Hub.Cities;

/// <summary>The member cities and the snapshots each has published: <c>/api/cities</c>.</summary>
public static class CitiesApi
{
    /// <summary>Maps the city routes.</summary>
    public static IEndpointRouteBuilder MapCitiesApi(this IEndpointRouteBuilder app)
    {
        var cities = app.MapGroup("/api/cities").WithTags("Cities");
        cities.MapGet("/", ListAsync).WithSummary("The member cities, with how much each has published");
        cities.MapGet("/{cityId}/snapshots", SnapshotsAsync).WithSummary("A city's accepted snapshots, newest first");
        return app;
    }

    /// <summary>Every member city, with the verified share of its current values (the coordinator's overview).</summary>
    public static async Task<Ok<CityView[]>> ListAsync(NetworkDbContext db, CancellationToken cancellationToken)
    {
        var shares = await db.ReadVerifiedSharesAsync(null, cancellationToken);
        var cities = await db.Cities.AsNoTracking()
            .OrderBy(c => c.Id)
            .Select(c => new CityView(
                c.Id,
                c.Name,
                c.Population,
                c.IsSynthetic,
                db.Snapshots.Count(s => s.CityId == c.Id),
                db.Snapshots.Where(s => s.CityId == c.Id).Max(s => (int?)s.Period)))
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(cities.Select(c => shares.TryGetValue(c.Id, out var share)
            ? c with { CurrentValues = share.Values, VerifiedValues = share.Verified, VerifiedShare = Math.Round(share.Share, 4) }
            : c).ToArray());
    }

    /// <summary>One city's snapshots.</summary>
    public static async Task<Results<Ok<SnapshotSummary[]>, ProblemHttpResult>> SnapshotsAsync(
        string cityId, NetworkDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Cities.AnyAsync(c => c.Id == cityId, cancellationToken))
        {
            return HubProblem.NoSuchCity(cityId, "City ids look like NO-5001.").ToResult();
        }

        var snapshots = await db.Snapshots.AsNoTracking()
            .Where(s => s.CityId == cityId)
            .OrderByDescending(s => s.Period).ThenByDescending(s => s.IssuedAt)
            .Select(s => new SnapshotSummary(s.SnapshotId, s.Period, s.Status, s.Supersedes, s.IssuedAt, s.ReceivedAt, s.Values.Count, s.Digest))
            .ToArrayAsync(cancellationToken);
        return TypedResults.Ok(snapshots);
    }
}

/// <summary>A member city as <c>GET /api/cities</c> lists it.</summary>
/// <param name="Id">The city id.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Population">Inhabitants, when known.</param>
/// <param name="Synthetic">Whether its data is synthetic demo data.</param>
/// <param name="Snapshots">How many accepted snapshots it has.</param>
/// <param name="LatestPeriod">Its latest reporting period, if any.</param>
/// <param name="CurrentValues">The values of its current snapshots (every period).</param>
/// <param name="VerifiedValues">How many of them are verified (their current verdict says so).</param>
/// <param name="VerifiedShare">Verified values over current values, 0 to 1 (four decimals); null when it has no current values.</param>
public sealed record CityView(
    string Id, string Name, int? Population, bool Synthetic, int Snapshots, int? LatestPeriod,
    int CurrentValues = 0, int VerifiedValues = 0, double? VerifiedShare = null);

/// <summary>An accepted snapshot in a city's list.</summary>
/// <param name="SnapshotId">The id.</param>
/// <param name="Period">The period.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="Supersedes">What a correction supersedes.</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="ReceivedAt">When the hub stored it.</param>
/// <param name="Values">How many values it holds.</param>
/// <param name="Digest">The snapshot digest.</param>
public sealed record SnapshotSummary(Guid SnapshotId, int Period, SnapshotStatus Status, Guid? Supersedes, DateTimeOffset IssuedAt, DateTimeOffset ReceivedAt, int Values, string Digest);
