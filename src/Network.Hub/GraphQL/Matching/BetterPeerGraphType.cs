using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>A city that does better on a KPI or category.</summary>
public sealed class BetterPeerGraphType : ObjectGraphType<BetterPeer>
{
    /// <summary>Defines the fields.</summary>
    public BetterPeerGraphType()
    {
        Name = "BetterPeer";
        Description = "A city that does better than the asking city on a KPI or category; closest in context first (same country, then population).";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The better-performing city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<StringGraphType>>("country").Description("Its country.").Resolve(c => c.Source.Context.Country);
        Field<LongGraphType>("population").Description("Its population, when registered.").Resolve(c => c.Source.Context.Population);
        Field<NonNullGraphType<BooleanGraphType>>("sameCountry").Description("Whether it is in the asking city's country.").Resolve(c => c.Source.SameCountry);
        Field<FloatGraphType>("populationRatio").Description("Its population over the asking city's, when both are known.").Resolve(c => c.Source.PopulationRatio);
        Field<NonNullGraphType<FloatGraphType>>("standing").Description("Its standing (0-100).").Resolve(c => c.Source.Standing);
        Field<NonNullGraphType<FloatGraphType>>("cityStanding").Description("The asking city's standing (0-100).").Resolve(c => c.Source.CityStanding);
        Field<NonNullGraphType<FloatGraphType>>("gap").Description("How much better, in percentile points.").Resolve(c => c.Source.Gap);
        Field<NonNullGraphType<StringGraphType>>("summary").Description("The same in words.").Resolve(c => c.Source.Summary);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PeerKpiGraphType>>>>("kpis").Description("The KPIs it does better on, with its values.").Resolve(c => c.Source.Kpis);
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
