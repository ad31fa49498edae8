using System.Collections.Concurrent;
using Network.Benchmarking.Matching;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Hub.Embargo;
using Network.Hub.Matching;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Loading;

/// <summary>
/// The loaded networks of one request: every field that scores or matches a period (each alias of <c>peers</c>,
/// <c>learnFrom</c>, <c>network</c>, each city's <c>scores</c>) shares one scorer or matcher per period and set of
/// arguments, asked for once. The executor resolves sibling fields at the same time, so without this a thousand
/// aliases each asked <see cref="NetworkScores"/> for the period (a query each) and, while it was not yet cached, each
/// loaded its own copy of the network. The periods are read once too, for <c>periods</c> and for every field whose
/// period defaults to the newest. Everything is read for the request's caller (<see cref="CallerReadership"/>). One per
/// request (scoped).
/// </summary>
public sealed class RequestNetwork(NetworkScores scores, NetworkMatchers matchers, CallerReadership reader)
{
    private readonly ConcurrentDictionary<(int Period, DateTimeOffset? AsOf, TargetSet Targets, ScoringBasis Basis), Lazy<Task<Scorer>>> _scorers = new();
    private readonly ConcurrentDictionary<(int Period, ScoringBasis Basis), Lazy<Task<PeerMatcher?>>> _matchers = new();
    private Lazy<Task<IReadOnlyList<int>>>? _periods;

    /// <summary>The scorer of a period, as of a date, against a target set, on a basis.</summary>
    public Task<Scorer> ScorerAsync(int period, DateTimeOffset? asOf, TargetSet targets, ScoringBasis basis, CancellationToken cancellationToken) =>
        _scorers.GetOrAdd((period, asOf, targets, basis), key => new Lazy<Task<Scorer>>(() =>
            scores.ForPeriodAsync(reader.Current, key.Period, key.AsOf, key.Targets, key.Basis, cancellationToken))).Value;

    /// <summary>The periods that have current values, newest first: read once per request, however many fields ask.</summary>
    public Task<IReadOnlyList<int>> PeriodsAsync(CancellationToken cancellationToken)
    {
        Interlocked.CompareExchange(ref _periods, new(() => scores.PeriodsAsync(reader.Current, cancellationToken)), null);
        return _periods.Value;
    }

    /// <summary>The matcher of <paramref name="period"/>, or of the newest period with data when null; null when there is none.</summary>
    public async Task<PeerMatcher?> MatcherAsync(int? period, ScoringBasis basis, CancellationToken cancellationToken)
    {
        if (period is null)
        {
            var periods = await PeriodsAsync(cancellationToken);
            if (periods.Count == 0)
            {
                return null;
            }

            period = periods[0];
        }

        return await _matchers.GetOrAdd((period.Value, basis), key => new Lazy<Task<PeerMatcher?>>(() => matchers.ForPeriodAsync(reader.Current, key.Period, key.Basis, cancellationToken))).Value;
    }
}
