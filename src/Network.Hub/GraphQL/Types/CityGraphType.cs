using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Network.Hub.GraphQL.Limits;
using Network.Hub.GraphQL.Loading;
using Network.Hub.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>A member city, with its snapshots, values, history and scores.</summary>
public sealed class CityGraphType : ObjectGraphType<CityNode>
{
    /// <summary>Defines the fields.</summary>
    public CityGraphType()
    {
        Name = "City";
        Description = "A member city of the network.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("ISO 3166-1 alpha-2 country, a dash, the national municipality number: NO-5001.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The display name.").Resolve(c => c.Source.Name);
        Field<IntGraphType>("population").Description("Inhabitants, when known.").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<BooleanGraphType>>("synthetic").Description("Whether the city's data is synthetic demo data.").Resolve(c => c.Source.Synthetic);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnapshotGraphType>>>>("snapshots")
            .Description("Every accepted snapshot (nothing is overwritten), newest period first and newest signature first within a period.")
            .Argument<IntGraphType>("first", $"At most this many ({Arguments.MaxPageSize} at most).", a => a.DefaultValue = Arguments.DefaultPageSize)
            .WithComplexityImpact(c => new FieldComplexityResult(1, Math.Min(c.GetArgument("first", Arguments.DefaultPageSize), Arguments.TypicalSnapshots)))
            .Argument<IntGraphType>("period", "Only this period's snapshots.")
            .Resolve(c =>
            {
                var first = c.First();
                var period = c.GetArgument<int?>("period");
                return c.Loaders().Snapshots(c.Source.Id)
                    .Then(all => (IReadOnlyList<SnapshotNode>)all.Where(s => period is null || s.Period == period).Take(first).ToArray());
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiValueGraphType>>>>("values")
            .Description("The values of the current snapshot of each period (or of one period), or as published on a date: the snapshots the hub had received by then.")
            .Argument<IntGraphType>("period", "Only this period; all periods when omitted.")
            .WithComplexityImpact(1, Arguments.TypicalValues)
            .Argument<DateTimeScalar>("asOf", "Show the values as published on this instant; now when omitted.")
            .Resolve(c => c.Loaders().Values(c.Source.Id, c.GetArgument<int?>("period"), c.GetArgument<DateTimeOffset?>("asOf")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<HistoryEntryGraphType>>>>("history")
            .Description("Each accepted snapshot's value of one KPI, oldest first: preliminary, final and corrections over time.")
            .Argument<NonNullGraphType<StringGraphType>>("kpi", "The KPI code, e.g. EC-P-EM-1C.")
            .WithComplexityImpact(FieldCosts.History, Arguments.TypicalSnapshots)
            .Resolve(c => c.Loaders().History(c.Source.Id, c.KpiArgument("kpi").Code));

        Field<ScoreCardGraphType>("scores")
            .Description("The U4SSC score card for a period: every reported KPI scored against its target and placed in the network, rolled up per category, sub-dimension and dimension. Null when the city reported nothing for the period.")
            .Argument<NonNullGraphType<IntGraphType>>("period", "The reporting period (year).")
            .Argument<DateTimeScalar>("asOf", "Score the values as published on this instant; now when omitted.")
            .Argument<StringGraphType>("targetSet", "The target set's name (its newest version); definition-implied when omitted.")
            .WithComplexityImpact(FieldCosts.ScoreCard, 1)
            .Argument<ScoringBasisGraphType>("basis", "AS_REPORTED (every reported value) or AS_VERIFIED (only verified values, as in a U4SSC City Snapshot).", a => a.DefaultValue = ScoringBasis.AsReported)
            .ResolveAsync(async c => c.Loaders().Scores(c.Source.Id, c.GetArgument<int>("period"), c.GetArgument<DateTimeOffset?>("asOf"), await c.TargetSetArgumentAsync(), c.BasisArgument()));
    }
}
