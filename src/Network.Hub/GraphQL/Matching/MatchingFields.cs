using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Network.Benchmarking.Matching;
using Network.Hub.Identity;
using Network.Hub.GraphQL.Loading;
using Network.Hub.GraphQL.Limits;
using Network.Hub.GraphQL.Types;
using Network.Hub.Scoring;
using OpenIddict.Abstractions;

namespace Network.Hub.GraphQL.Matching;

/// <summary>The root fields of peer matching: <c>peers</c>, <c>learnFrom</c> and <c>network</c>.</summary>
internal static class MatchingFields
{
    /// <summary>The most peers one call returns.</summary>
    public const int MaxPeers = 100;

    /// <summary>Adds the fields to the root query type.</summary>
    public static void AddMatchingFields(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerGraphType>>>>("peers")
            .Description("Peer cities for one city in one period. COMPLEMENTARY (the default): partners strong where the city is weak and weak where it is strong, ranked by mutual benefit, each with the KPIs each way. SIMILAR: cities that perform alike on the chosen KPIs, with each KPI's part in the distance.")
            .Argument<NonNullGraphType<IdGraphType>>("city", "The city, e.g. NO-5001.")
            .Argument<PeerModeGraphType>("mode", "SIMILAR or COMPLEMENTARY.", a => a.DefaultValue = PeerMode.Complementary)
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("kpis", "SIMILAR: the KPIs to compare on (every KPI with a direction when omitted).")
            .Argument<ListGraphType<NonNullGraphType<FloatGraphType>>>("weights", "SIMILAR: a weight per KPI in kpis, in the same order (all 1 when omitted).")
            .Argument<IntGraphType>("period", "The period; the newest with data when omitted.")
            .Argument<ScoringBasisGraphType>("basis", "AS_REPORTED (every reported value) or AS_VERIFIED (only verified values, as in a U4SSC City Snapshot).", a => a.DefaultValue = ScoringBasis.AsReported)
            .Argument<IntGraphType>("limit", $"At most this many (at most {MaxPeers}).", a => a.DefaultValue = 10)
            .Argument<BooleanGraphType>("sameCountry", "Only cities of the city's country.", a => a.DefaultValue = false)
            .Argument<LongGraphType>("minPopulation", "Only cities with at least this population (cities without a registered population are left out).")
            .Argument<LongGraphType>("maxPopulation", "Only cities with at most this population.")
            .Argument<IntGraphType>("minimumOverlap", $"COMPLEMENTARY: the fewest KPIs both must have reported ({MatchRules.Default.MinimumOverlap} when omitted).")
            .WithComplexityImpact(c => new FieldComplexityResult(FieldCosts.Matching, Math.Clamp(c.GetArgument("limit", 10), 1, MaxPeers)))
            .ResolveAsync(async c =>
            {
                var matcher = await MatcherAsync(c);
                if (matcher is null)
                {
                    return Array.Empty<PeerNode>();
                }

                var city = c.GetArgument<string>("city");
                var filter = new PeerFilter(
                    SameCountry: c.GetArgument("sameCountry", false),
                    MinPopulation: c.GetArgument<long?>("minPopulation"),
                    MaxPopulation: c.GetArgument<long?>("maxPopulation"));
                var limit = Limit(c);
                if (c.GetArgument("mode", PeerMode.Complementary) == PeerMode.Similar)
                {
                    var kpis = Weights(c, matcher);
                    var similar = FieldErrors.Guard(c, () => matcher.SimilarCities(city, kpis, limit, filter));
                    return similar.Select((s, i) => new PeerNode(PeerMode.Similar, i + 1, s, null, c.BasisArgument())).ToArray();
                }

                var rules = c.GetArgument<int?>("minimumOverlap") is { } overlap ? MatchRules.Default with { MinimumOverlap = overlap } : null;
                var matches = FieldErrors.Guard(c, () => matcher.ComplementaryPartners(city, limit, filter, rules));
                return matches.Select((m, i) => new PeerNode(PeerMode.Complementary, i + 1, null, m, c.BasisArgument())).ToArray();
            });

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<BetterPeerGraphType>>>>("learnFrom")
            .Description("Whom a city can learn from on one KPI or one category: the cities that do better on it, closest in context first (same country, then population), with their values.")
            .Argument<NonNullGraphType<IdGraphType>>("city", "The city, e.g. NO-5001.")
            .Argument<NonNullGraphType<StringGraphType>>("kpi", "A KPI code (EN-EN-AQ-2C) or a category code or name (EN-EN-AQ, Air Quality).")
            .Argument<IntGraphType>("period", "The period; the newest with data when omitted.")
            .Argument<ScoringBasisGraphType>("basis", "AS_REPORTED (every reported value) or AS_VERIFIED (only verified values, as in a U4SSC City Snapshot).", a => a.DefaultValue = ScoringBasis.AsReported)
            .Argument<IntGraphType>("limit", $"At most this many (at most {MaxPeers}).", a => a.DefaultValue = 10)
            .WithComplexityImpact(c => new FieldComplexityResult(FieldCosts.Matching, Math.Clamp(c.GetArgument("limit", 10), 1, MaxPeers)))
            .ResolveAsync(async c =>
            {
                var matcher = await MatcherAsync(c);
                return matcher is null
                    ? []
                    : FieldErrors.Guard(c, () => matcher.LearnFrom(c.GetArgument<string>("city"), c.GetArgument<string>("kpi"), Limit(c)))
                        .Select(peer => new BetterPeerNode(peer, c.BasisArgument())).ToList();
            });

        query.Field<NetworkViewGraphType>("network")
            .Description("The coordinator's view of one period: strengths and gaps, thinly reported KPIs, and the pairing of all cities (the pairing needs network:coordinate). Null when no city reported anything.")
            .Argument<IntGraphType>("period", "The period; the newest with data when omitted.")
            .Argument<ScoringBasisGraphType>("basis", "AS_REPORTED (every reported value) or AS_VERIFIED (only verified values, as in a U4SSC City Snapshot).", a => a.DefaultValue = ScoringBasis.AsReported)
            .WithComplexityImpact(FieldCosts.NetworkView, 1)
            .ResolveAsync(async c =>
            {
                var matcher = await MatcherAsync(c);
                return matcher is null ? null : new NetworkViewNode(matcher, c.User?.HasScope(Scopes.Coordinate) == true, c.BasisArgument());
            });
    }

    private static int Limit(IResolveFieldContext c)
    {
        var limit = c.GetArgument("limit", 10);
        return limit is >= 1 and <= MaxPeers
            ? limit
            : throw FieldErrors.At(c, $"limit must be between 1 and {MaxPeers}; it is {limit}.", ErrorCodes.InvalidArgument);
    }

    private static Task<PeerMatcher?> MatcherAsync(IResolveFieldContext c) =>
        c.RequestServices!.GetRequiredService<RequestNetwork>().MatcherAsync(c.GetArgument<int?>("period"), c.BasisArgument(), c.CancellationToken);

    private static List<KpiWeight> Weights(IResolveFieldContext c, PeerMatcher matcher)
    {
        var kpis = c.GetArgument<List<string>?>("kpis") ?? matcher.Kpis.Select(k => k.Code).Distinct().ToList();
        var weights = c.GetArgument<List<double>?>("weights");
        if (weights is not null && weights.Count != kpis.Count)
        {
            throw FieldErrors.At(c, $"weights must give one weight per KPI in kpis: {kpis.Count} KPIs, {weights.Count} weights.", ErrorCodes.InvalidArgument);
        }

        return kpis.Select((k, i) => new KpiWeight(k, weights?[i] ?? 1)).ToList();
    }
}
