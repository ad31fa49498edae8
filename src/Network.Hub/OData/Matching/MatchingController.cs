using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Network.Benchmarking.Matching;
using Network.Hub.Embargo;
using Network.Hub.Identity;
using Network.Hub.Matching;
using Network.Hub.Problems;
using Network.Hub.Scoring;
using OpenIddict.Abstractions;

namespace Network.Hub.OData.Matching;

/// <summary>
/// Peer matching as OData functions, for spreadsheets: <c>PeerMatches</c> and <c>MatchContributions</c> (complementary
/// partners and their explanations), <c>LearnFrom</c>, <c>StrengthsAndGaps</c> and, for coordinators,
/// <c>NetworkPairing</c>. Each takes the period; each answers rows that <c>$filter</c>, <c>$orderby</c>, <c>$select</c>
/// and <c>$top</c> apply to.
/// </summary>
[Route("odata")]
public sealed class MatchingController(NetworkMatchers matchers, CallerReadership reader) : ODataController
{
    private const int MaxTop = 1000;

    /// <summary>The complementary partners of <paramref name="city"/>, most mutually beneficial first.</summary>
    [HttpGet("PeerMatches(city={city},period={period})")]
    [EnableQuery(MaxTop = MaxTop, PageSize = MaxTop)]
    public Task<IActionResult> PeerMatches(string city, int period, CancellationToken cancellationToken) =>
        AnswerAsync(period, m => m.ComplementaryPartners(city, MaxTop).Select((p, i) => PeerMatchRow.From(p, i + 1)), cancellationToken);

    /// <summary>Every KPI of every complementary match of <paramref name="city"/>: the explanations, a row per KPI.</summary>
    [HttpGet("MatchContributions(city={city},period={period})")]
    [EnableQuery(MaxTop = MaxTop, PageSize = MaxTop)]
    public Task<IActionResult> MatchContributions(string city, int period, CancellationToken cancellationToken) =>
        AnswerAsync(period, m => m.ComplementaryPartners(city, 100).SelectMany(p => p.Contributions.Select(c => MatchContributionRow.From(p, c))), cancellationToken);

    /// <summary>The cities that do better than <paramref name="city"/> on a KPI or category, closest in context first.</summary>
    [HttpGet("LearnFrom(city={city},kpi={kpi},period={period})")]
    [EnableQuery(MaxTop = MaxTop, PageSize = MaxTop)]
    public Task<IActionResult> LearnFrom(string city, string kpi, int period, CancellationToken cancellationToken) =>
        AnswerAsync(period, m => m.LearnFrom(city, kpi, 100).Select((b, i) => new LearnFromRow
        {
            CityId = city, PeerId = b.CityId, Rank = i + 1, SameCountry = b.SameCountry, Standing = b.Standing,
            CityStanding = b.CityStanding, Gap = b.Gap, Summary = b.Summary,
        }), cancellationToken);

    /// <summary>Every city's standing per category.</summary>
    [HttpGet("StrengthsAndGaps(period={period})")]
    [EnableQuery(MaxTop = MaxTop, PageSize = MaxTop)]
    public Task<IActionResult> StrengthsAndGaps(int period, CancellationToken cancellationToken) =>
        AnswerAsync(period, m => m.NetworkStrengthsAndGaps().Select(s => new CategoryStandingRow
        {
            CityId = s.CityId, CategoryCode = s.CategoryCode, Category = s.Category, MeanStanding = s.MeanStanding,
            KpiCount = s.KpiCount, Class = s.Class.ToString(),
        }), cancellationToken);

    /// <summary>The pairing of all cities into learning partners (network:coordinate only).</summary>
    [HttpGet("NetworkPairing(period={period})")]
    [EnableQuery(MaxTop = MaxTop, PageSize = MaxTop)]
    public Task<IActionResult> NetworkPairing(int period, CancellationToken cancellationToken)
    {
        if (!User.HasScope(Scopes.Coordinate))
        {
            return Task.FromResult<IActionResult>(Answer(HubProblem.PairingForCoordinators(User.Identity?.IsAuthenticated == true, Scopes.Coordinate)));
        }

        return AnswerAsync(period, m => m.PairAll(cancellationToken: cancellationToken).Pairs.Select((p, i) => PeerMatchRow.From(p, i + 1)), cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync<T>(int period, Func<PeerMatcher, IEnumerable<T>> rows, CancellationToken ct)
        where T : IScoredRow
    {
        if (!ScoringBases.TryReadOption(Request, out var basis))
        {
            return Answer(HubProblem.UnknownScoringBasis());
        }

        var matcher = await matchers.ForPeriodAsync(reader.Current, period, basis, ct);
        if (matcher is null)
        {
            return Ok(Array.Empty<T>().AsQueryable());
        }

        try
        {
            var answer = rows(matcher).ToList();
            answer.ForEach(row => row.Basis = basis.WireName());
            return Ok(answer.AsQueryable());
        }
        catch (Exception e) when (EngineRefusal.Of(e) is { } refusal)
        {
            return Answer(HubProblem.MatchingRefused(refusal));
        }
    }

    // Through MVC's ProblemDetails factory, as controllers answer: the same members and defaults as the minimal APIs'.
    private ObjectResult Answer(HubProblem problem) => Problem(statusCode: problem.Status, title: problem.Title, detail: problem.Detail);
}
