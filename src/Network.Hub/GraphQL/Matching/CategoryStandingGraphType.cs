using GraphQL.Types;
using Network.Benchmarking.Matching;

namespace Network.Hub.GraphQL.Matching;

/// <summary>A city's standing in one category.</summary>
public sealed class CategoryStandingGraphType : ObjectGraphType<CategoryStanding>
{
    /// <summary>Defines the fields.</summary>
    public CategoryStandingGraphType()
    {
        Name = "CategoryStanding";
        Description = "A city's mean standing over the KPIs it reported in a category, classed as a strength or a gap.";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<StringGraphType>>("categoryCode").Description("The category's code, e.g. EN-EN-AQ.").Resolve(c => c.Source.CategoryCode);
        Field<NonNullGraphType<StringGraphType>>("category").Description("The category's name.").Resolve(c => c.Source.Category);
        Field<FloatGraphType>("meanStanding").Description("The mean direction-aware standing (0-100); null when it reported none of the category's KPIs.").Resolve(c => c.Source.MeanStanding);
        Field<NonNullGraphType<IntGraphType>>("kpiCount").Description("How many of the category's KPIs it reported.").Resolve(c => c.Source.KpiCount);
        Field<NonNullGraphType<StrengthClassGraphType>>("class").Description("Strength, neutral, gap or not reported.").Resolve(c => c.Source.Class);
    }
}

/// <summary>A KPI too few cities reported to compare on.</summary>
public sealed class ThinKpiGraphType : ObjectGraphType<ThinKpi>
{
    /// <summary>Defines the fields.</summary>
    public ThinKpiGraphType()
    {
        Name = "ThinKpi";
        Description = "A KPI (data point) reported by fewer cities than the threshold: standings on it say little.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI.").Resolve(c => c.Source.Kpi.Code);
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.Key.DataPoint);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The KPI's name.").Resolve(c => c.Source.Kpi.Name);
        Field<NonNullGraphType<IntGraphType>>("reportingCount").Description("How many cities reported it.").Resolve(c => c.Source.ReportingCount);
    }
}

/// <summary>The network's pairing into learning partners.</summary>
public sealed class PairingGraphType : ObjectGraphType<Pairing>
{
    /// <summary>Defines the fields.</summary>
    public PairingGraphType()
    {
        Name = "Pairing";
        Description = "Every city paired with at most one learning partner so that the total mutual benefit is the largest possible (exact maximum-weight matching on a general graph).";
        Field<NonNullGraphType<FloatGraphType>>("totalMutual").Description("The sum of the pairs' mutual benefit.").Resolve(c => c.Source.TotalMutual);
        Field<NonNullGraphType<IntGraphType>>("candidatePairs").Description("How many pairs had enough shared KPIs and benefit to be considered.").Resolve(c => c.Source.CandidatePairs);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("unpaired").Description("Cities left without a partner.").Resolve(c => c.Source.Unpaired);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplementaryMatchGraphType>>>>("pairs").Description("The pairs, with their explanations.").Resolve(c => c.Source.Pairs);
    }
}
