using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Network.Benchmarking.Matching;
using Network.Benchmarking.Scoring;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.Matching;

/// <summary>
/// Hands out the engine's <see cref="PeerMatcher"/> for a period, built on the same loaded network as the scores
/// (<see cref="NetworkScores"/>): the same current values, the same readership (a public reader is matched on the
/// public record only), reloaded when a snapshot arrives. The dense index behind a matcher is built once per loaded
/// network and kept as long as that network is.
/// </summary>
public sealed class NetworkMatchers(NetworkScores scores, IServiceScopeFactory scopes)
{
    private readonly ConditionalWeakTable<Scorer, PeerMatcher> _matchers = [];

    /// <summary>
    /// The matcher for <paramref name="period"/>, or the newest period with data when null, over what
    /// <paramref name="readership"/> may read, on <paramref name="basis"/> (every reported value, or only the verified
    /// ones); null when no city reported anything.
    /// </summary>
    public async Task<PeerMatcher?> ForPeriodAsync(Readership readership, int? period, ScoringBasis basis = ScoringBasis.AsReported, CancellationToken cancellationToken = default)
    {
        if (period is null)
        {
            var periods = await scores.PeriodsAsync(readership, cancellationToken);
            if (periods.Count == 0)
            {
                return null;
            }

            period = periods[0];
        }

        var scorer = await scores.ForPeriodAsync(readership, period.Value, asOf: null, targets: null, basis, cancellationToken);
        if (_matchers.TryGetValue(scorer, out var matcher))
        {
            return matcher;
        }

        var contexts = await ContextsAsync(readership, cancellationToken);
        matcher = PeerMatcher.Create(scorer.Period, scorer.Targets, contexts);
        _matchers.AddOrUpdate(scorer, matcher);
        return matcher;
    }

    // Country comes from the city id; population from the registry, where the coordinator recorded it.
    private async Task<IReadOnlyDictionary<string, CityContext>> ContextsAsync(Readership readership, CancellationToken ct)
    {
        await using var scope = scopes.CreateReadingScope(readership);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var cities = await db.Cities.AsNoTracking().Select(c => new { c.Id, c.Population }).ToListAsync(ct);
        return cities.ToDictionary(c => c.Id, c => CityContext.Of(c.Id, c.Population), StringComparer.Ordinal);
    }
}
