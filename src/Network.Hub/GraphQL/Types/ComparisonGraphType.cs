using GraphQL;
using GraphQL.Types;
using Network.Hub.Comparison;

namespace Network.Hub.GraphQL.Types;

/// <summary>Cities side by side for one period.</summary>
public sealed class ComparisonGraphType : ObjectGraphType<ComparisonTable>
{
    /// <summary>Defines the fields.</summary>
    public ComparisonGraphType()
    {
        Name = "Comparison";
        Description = "A table: a row per KPI (data point), a cell per city in the order asked for. A value a city did not report is null, never 0.";
        Field<NonNullGraphType<IntGraphType>>("period").Description("The reporting period.").Resolve(c => c.Source.Period);
        Field<DateTimeScalar>("asOf").Description("The instant the values are as published on; null for the current values.").Resolve(c => c.Source.AsOf);
        Field<NonNullGraphType<StringGraphType>>("targetSet").Description("The target set (name and version) the scores are against.").Resolve(c => c.Source.TargetSet);
        Field<NonNullGraphType<ScoringBasisGraphType>>("basis").Description("Which values counted: every reported one, or only the verified ones (then an unverified value is a missing cell).").Resolve(c => c.Source.Basis);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparedCityGraphType>>>>("cities").Description("The columns.").Resolve(c => c.Source.Cities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComparisonRowGraphType>>>>("rows").Description("The rows.").WithComplexityImpact(1, Arguments.TypicalValues).Resolve(c => c.Source.Rows);
    }
}
