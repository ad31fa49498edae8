using GraphQL.Types;
using Network.Hub.Comparison;

namespace Network.Hub.GraphQL.Types;

/// <summary>A row of a comparison: one KPI (data point).</summary>
public sealed class ComparisonRowGraphType : ObjectGraphType<ComparisonRow>
{
    /// <summary>Defines the fields.</summary>
    public ComparisonRowGraphType()
    {
        Name = "ComparisonRow";
        Description = "One KPI (or one data point of it) across the compared cities.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI code.").Resolve(c => c.Source.Key.Kpi);
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.Key.DataPoint);
        Field<NonNullGraphType<KpiGraphType>>("kpi").Description("The KPI.").Resolve(c => c.Source.Kpi);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The KPI's name.").Resolve(c => c.Source.Kpi.Name);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("The unit symbol.").Resolve(c => c.Source.Kpi.Unit.Symbol);
        Field<NonNullGraphType<DirectionGraphType>>("direction").Description("Which way is better.").Resolve(c => c.Source.Kpi.Direction);
        Field<NonNullGraphType<IntGraphType>>("reportingCount").Description("How many cities of the whole network reported it.").Resolve(c => c.Source.ReportingCount);
        Field<FloatGraphType>("networkMedian").Description("The median over the whole network; null when no city reported it.").Resolve(c => c.Source.NetworkMedian);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparisonCellGraphType>>>>("cells").Description("One cell per compared city, in column order.").Resolve(c => c.Source.Cells);
    }
}
