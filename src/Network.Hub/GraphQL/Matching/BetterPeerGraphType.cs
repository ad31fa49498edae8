using GraphQL.Types;
using Network.Benchmarking.Matching;
using Network.Hub.GraphQL.Types;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Matching;

/// <summary>A better peer and the basis its standings were computed on.</summary>
/// <param name="Peer">The engine's answer.</param>
/// <param name="Basis">Every reported value, or only the verified ones.</param>
public sealed record BetterPeerNode(BetterPeer Peer, ScoringBasis Basis);

/// <summary>A city that does better on a KPI or category.</summary>
public sealed class BetterPeerGraphType : ObjectGraphType<BetterPeerNode>
{
    /// <summary>Defines the fields.</summary>
    public BetterPeerGraphType()
    {
        Name = "BetterPeer";
        Description = "A city that does better than the asking city on a KPI or category; closest in context first (same country, then population).";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The better-performing city.").Resolve(c => c.Source.Peer.CityId);
        Field<NonNullGraphType<ScoringBasisGraphType>>("basis").Description("Which values the standings counted: every reported one, or only the verified ones.").Resolve(c => c.Source.Basis);
        Field<NonNullGraphType<StringGraphType>>("country").Description("Its country.").Resolve(c => c.Source.Peer.Context.Country);
        Field<LongGraphType>("population").Description("Its population, when registered.").Resolve(c => c.Source.Peer.Context.Population);
        Field<NonNullGraphType<BooleanGraphType>>("sameCountry").Description("Whether it is in the asking city's country.").Resolve(c => c.Source.Peer.SameCountry);
        Field<FloatGraphType>("populationRatio").Description("Its population over the asking city's, when both are known.").Resolve(c => c.Source.Peer.PopulationRatio);
        Field<NonNullGraphType<FloatGraphType>>("standing").Description("Its standing (0-100).").Resolve(c => c.Source.Peer.Standing);
        Field<NonNullGraphType<FloatGraphType>>("cityStanding").Description("The asking city's standing (0-100).").Resolve(c => c.Source.Peer.CityStanding);
        Field<NonNullGraphType<FloatGraphType>>("gap").Description("How much better, in percentile points.").Resolve(c => c.Source.Peer.Gap);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The same in words.").Resolve(c => c.Source.Peer.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerKpiGraphType>>>>("kpis").Description("The KPIs it does better on, with its values.").Resolve(c => c.Source.Peer.Kpis);
    }
}

/// <summary>One KPI of a better peer.</summary>
public sealed class PeerKpiGraphType : ObjectGraphType<PeerKpi>
{
    /// <summary>Defines the fields.</summary>
    public PeerKpiGraphType()
    {
        Name = "PeerKpi";
        Description = "A KPI a better peer does better on, with both standings and the peer's values.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI.").Resolve(c => c.Source.Kpi.Code);
        Field<NonNullGraphType<FloatGraphType>>("standing").Description("The peer's standing.").Resolve(c => c.Source.Standing);
        Field<NonNullGraphType<FloatGraphType>>("cityStanding").Description("The asking city's standing.").Resolve(c => c.Source.CityStanding);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerValueGraphType>>>>("values").Description("The peer's values.").Resolve(c => c.Source.Values);
    }
}
