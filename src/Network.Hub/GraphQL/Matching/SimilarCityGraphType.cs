using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>A similar city, with each KPI's part in the distance.</summary>
public sealed class SimilarCityGraphType : ObjectGraphType<SimilarCity>
{
    /// <summary>Defines the fields.</summary>
    public SimilarCityGraphType()
    {
        Name = "SimilarCity";
        Description = "A city that performs alike on the chosen KPIs: the weighted distance of standings (smaller is closer) and each KPI's part in it.";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The similar city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<StringGraphType>>("country").Description("Its country (ISO 3166-1 alpha-2).").Resolve(c => c.Source.Context.Country);
        Field<LongGraphType>("population").Description("Its population, when registered.").Resolve(c => c.Source.Context.Population);
        Field<NonNullGraphType<FloatGraphType>>("distance").Description("The weighted distance over the shared KPIs.").Resolve(c => c.Source.Distance);
        Field<NonNullGraphType<IntGraphType>>("sharedKpis").Description("How many of the chosen KPIs both reported.").Resolve(c => c.Source.SharedKpis);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("notShared").Description("The chosen KPIs one of the two did not report (left out, never read as zero).").Resolve(c => c.Source.NotShared);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarityTermGraphType>>>>("terms").Description("Each shared KPI's part in the distance.").Resolve(c => c.Source.Terms);
    }
}

/// <summary>One KPI's part in a similarity distance.</summary>
public sealed class SimilarityTermGraphType : ObjectGraphType<SimilarityTerm>
{
    /// <summary>Defines the fields.</summary>
    public SimilarityTermGraphType()
    {
        Name = "SimilarityTerm";
        Description = "One KPI's part in the distance between two cities.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI.").Resolve(c => c.Source.Kpi.Code);
        Field<NonNullGraphType<FloatGraphType>>("weight").Description("The weight the caller gave it.").Resolve(c => c.Source.Weight);
        Field<NonNullGraphType<FloatGraphType>>("cityStanding").Description("The city's standing (0-100).").Resolve(c => c.Source.CityStanding);
        Field<NonNullGraphType<FloatGraphType>>("otherStanding").Description("The other city's standing (0-100).").Resolve(c => c.Source.OtherStanding);
        Field<NonNullGraphType<FloatGraphType>>("contribution").Description("Its part in the distance.").Resolve(c => c.Source.Contribution);
    }
}
