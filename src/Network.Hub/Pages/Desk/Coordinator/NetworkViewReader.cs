using Network.Benchmarking.Matching;
using Network.Hub.Embargo;
using Network.Hub.Limits;
using Network.Hub.Matching;
using Network.Hub.Scoring;

namespace Network.Hub.Pages.Desk.Coordinator;

/// <summary>
/// The coordinator's view of the network for one period, read as GraphQL's <c>network { … }</c> reads it: the engine's
/// <see cref="PeerMatcher"/> from <see cref="NetworkMatchers"/> over what the request's reader may read; the pairing in a
/// slot of the <see cref="CostlyWorkGate"/>, as a costly GraphQL query takes one.
/// </summary>
public sealed class NetworkViewReader(NetworkMatchers matchers, NetworkScores scores, CallerReadership reader, CostlyWorkGate gate)
{
    /// <summary>The periods with values the reader may read, newest first.</summary>
    public Task<IReadOnlyList<int>> PeriodsAsync(CancellationToken cancellationToken) => scores.PeriodsAsync(reader.Current, cancellationToken);

    /// <summary>The matcher of <paramref name="period"/> on <paramref name="basis"/>; null when no city reported anything.</summary>
    public Task<PeerMatcher?> MatcherAsync(int period, ScoringBasis basis, CancellationToken cancellationToken) =>
        matchers.ForPeriodAsync(reader.Current, period, basis, cancellationToken);

    /// <summary>
    /// The pairing of every city of <paramref name="period"/>, as GraphQL's <c>network { pairing }</c> and OData's
    /// <c>NetworkPairing</c> compute it; <see cref="PairingAnswer.Busy"/> when every costly-work slot stays taken.
    /// </summary>
    public async Task<PairingAnswer> PairAsync(int period, ScoringBasis basis, CancellationToken cancellationToken)
    {
        using var slot = await gate.TryEnterAsync(cancellationToken);
        if (slot is null)
        {
            return new PairingAnswer(null, Busy: true, gate.RetryAfterSeconds);
        }

        var matcher = await MatcherAsync(period, basis, cancellationToken);
        return new PairingAnswer(matcher?.PairAll(cancellationToken: cancellationToken), Busy: false, 0);
    }
}

/// <summary>The pairing, or why there is none.</summary>
/// <param name="Pairing">The engine's pairing; null when busy or when nobody reported anything.</param>
/// <param name="Busy">Whether the hub's costly-work slots were all taken.</param>
/// <param name="RetryAfterSeconds">When busy: the <c>Retry-After</c> to answer.</param>
public sealed record PairingAnswer(Pairing? Pairing, bool Busy, int RetryAfterSeconds);
