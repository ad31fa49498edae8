using GraphQL.Types;
using Network.Benchmarking.Targets;

namespace Network.Hub.GraphQL.Types;

/// <summary>A target from a target set.</summary>
public sealed class TargetGraphType : ObjectGraphType<Target>
{
    /// <summary>Defines the fields.</summary>
    public TargetGraphType()
    {
        Name = "Target";
        Description = "The value that counts as 100 % of target for a KPI (data point), and where it came from.";
        Field<NonNullGraphType<StringGraphType>>("kpiCode").Description("The KPI code.").Resolve(c => c.Source.Key.Kpi);
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.Key.DataPoint);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The target, in the KPI's unit.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<DirectionGraphType>>("direction").Description("The KPI's direction.").Resolve(c => c.Source.Direction);
        Field<NonNullGraphType<StringGraphType>>("source").Description("Where the number came from.").Resolve(c => c.Source.Source);
        Field<StringGraphType>("note").Description("A remark for readers.").Resolve(c => c.Source.Note);
    }
}
