using GraphQL.Types;
using Network.Hub.GraphQL.Loading;

namespace Network.Hub.GraphQL.Types;

/// <summary>A point in one KPI's history for one city.</summary>
public sealed class HistoryEntryGraphType : ObjectGraphType<HistoryEntry>
{
    /// <summary>Defines the fields.</summary>
    public HistoryEntryGraphType()
    {
        Name = "HistoryEntry";
        Description = "One snapshot's value of one KPI (data point).";
        Field<NonNullGraphType<SnapshotGraphType>>("snapshot").Description("The snapshot the value was published in.").Resolve(c => c.Source.Snapshot);
        Field<NonNullGraphType<IntGraphType>>("period").Description("The reporting period.").Resolve(c => c.Source.Snapshot.Period);
        Field<NonNullGraphType<BooleanGraphType>>("current").Description("Whether that snapshot is now the current one for its period.").Resolve(c => c.Source.Current);
        Field<StringGraphType>("dataPoint").Description("The data point, for KPIs reported in parts.").Resolve(c => c.Source.DataPoint);
        Field<NonNullGraphType<FloatGraphType>>("value").Description("The number.").Resolve(c => c.Source.Value);
        Field<NonNullGraphType<StringGraphType>>("unit").Description("The unit symbol.").Resolve(c => c.Source.Unit);
        Field<NonNullGraphType<DataQualityGraphType>>("quality").Description("How it was obtained.").Resolve(c => c.Source.Quality);
    }
}
