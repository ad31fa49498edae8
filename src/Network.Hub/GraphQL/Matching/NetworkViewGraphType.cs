using GraphQL;
using GraphQL.Types;
using Network.Hub.GraphQL.Types;
using Network.Hub.GraphQL.Limits;
using Network.Hub.Identity;

namespace Network.Hub.GraphQL.Matching;

/// <summary>The coordinator's view of the network for one period.</summary>
public sealed class NetworkViewGraphType : ObjectGraphType<NetworkViewNode>
{
    /// <summary>Defines the fields.</summary>
    public NetworkViewGraphType()
    {
        Name = "NetworkView";
        Description = "The whole network for one period: strengths and gaps per city and category, thinly reported KPIs, and the pairing into learning partners.";
        Field<NonNullGraphType<IntGraphType>>("period").Description("The period.").Resolve(c => c.Source.Period);
        Field<NonNullGraphType<ScoringBasisGraphType>>("basis").Description("Which values the view counted: every reported one, or only the verified ones.").Resolve(c => c.Source.Basis);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryStandingGraphType>>>>("strengthsAndGaps")
            .Description("Each city's standing per category, classed as a strength (mean standing at least strengthAtLeast) or a gap (at most gapAtMost).")
            .Argument<IdGraphType>("city", "Only this city.")
            .Argument<FloatGraphType>("strengthAtLeast", "The mean standing from which a category is a strength.", a => a.DefaultValue = 70.0)
            .Argument<FloatGraphType>("gapAtMost", "The mean standing up to which a category is a gap.", a => a.DefaultValue = 30.0)
            .Resolve(c =>
            {
                var strength = c.GetArgument("strengthAtLeast", 70.0);
                var gap = c.GetArgument("gapAtMost", 30.0);
                return c.GetArgument<string?>("city") is { } city
                    ? FieldErrors.Guard(c, () => c.Source.Matcher.StrengthsAndGaps(city, strength, gap))
                    : c.Source.Matcher.NetworkStrengthsAndGaps(strength, gap).ToList();
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VerifiedShareGraphType>>>>("verifiedShares")
            .Description("Each city's verified share: how many of its current values of the period a U4SSC verifier verified (on the AS_VERIFIED basis every counted value is verified).")
            .Resolve(c => VerifiedShareNode.Of(c.Source.Matcher.Period));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThinKpiGraphType>>>>("thinlyReported")
            .Description("KPIs fewer than minimumCities reported.")
            .Argument<IntGraphType>("minimumCities", "The threshold.", a => a.DefaultValue = 5)
            .Resolve(c => c.Source.Matcher.ThinlyReported(c.GetArgument("minimumCities", 5)));
        Field<NonNullGraphType<PairingGraphType>>("pairing")
            .Description("The pairing of all cities (or of the cities given) into learning partners that maximises total mutual benefit. Needs the network:coordinate scope.")
            .Argument<ListGraphType<NonNullGraphType<IdGraphType>>>("cities", "Only these cities; all when omitted.")
            .WithComplexityImpact(FieldCosts.Pairing, 1)
            .Resolve(c =>
            {
                if (!c.Source.MayCoordinate)
                {
                    throw FieldErrors.Refusal($"The network's pairing is for coordinators: it needs an access token with the {Scopes.Coordinate} scope.", ErrorCodes.Forbidden);
                }

                return FieldErrors.Guard(c, () => c.Source.Matcher.PairAll(c.GetArgument<List<string>?>("cities"), cancellationToken: c.CancellationToken));
            });
    }
}
