using GraphQL;
using GraphQL.Types;
using GraphQL.Validation.Complexity;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Catalogue;
using Network.Hub.Comparison;
using Network.Hub.Embargo;
using Network.Hub.GraphQL.Limits;
using Network.Hub.Scoring;
using Network.Hub.GraphQL.Loading;
using Network.Hub.GraphQL.Matching;
using Network.Hub.GraphQL.Types;
using Network.Hub.Storage;
using Network.Hub.Targets;

namespace Network.Hub.GraphQL;

/// <summary>The root of every query: the catalogue, the cities, the periods, the target sets and comparisons.</summary>
public sealed class NetworkQuery : ObjectGraphType
{
    /// <summary>Defines the root fields.</summary>
    public NetworkQuery()
    {
        Name = "Query";
        Description = "The Sustainability Network: U4SSC KPIs, member cities, their signed snapshots, values and scores.";

        Field<NonNullGraphType<CatalogueGraphType>>("catalogue")
            .Description("The U4SSC KPI catalogue.")
            .Resolve(c => c.RequestServices!.GetRequiredService<KpiCatalogue>());

        Field<KpiGraphType>("kpi")
            .Description("One KPI by code; null when the catalogue has none.")
            .Argument<NonNullGraphType<StringGraphType>>("code", "The KPI code, e.g. EC-ICT-ICT-1C.")
            .Resolve(c => c.RequestServices!.GetRequiredService<KpiCatalogue>().TryGet(c.GetArgument<string>("code"), out var kpi) ? kpi : null);

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CityGraphType>>>>("cities")
            .Description("The member cities, by id.")
            .Argument<IntGraphType>("first", $"At most this many ({Arguments.MaxPageSize} at most).", a => a.DefaultValue = Arguments.DefaultPageSize)
            .Argument<IdGraphType>("after", "Only cities whose id sorts after this one (ordinal): pass the last id of a page to get the next.")
            .WithComplexityImpact(c => new FieldComplexityResult(1, c.GetArgument("first", Arguments.DefaultPageSize)))
            .ResolveAsync(async c =>
            {
                var first = c.First();
                var after = c.GetArgument<string?>("after");
                await using var scope = c.RequestServices!.CreateReadingScope(c.RequestServices!.ReadershipOf());
                var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
                var cities = db.Cities.AsNoTracking();
                if (after is not null)
                {
                    cities = cities.Where(city => string.Compare(city.Id, after) > 0);
                }

                return await cities.OrderBy(city => city.Id).Take(first)
                    .Select(city => new CityNode(city.Id, city.Name, city.Population, city.IsSynthetic))
                    .ToListAsync(c.CancellationToken);
            });

        Field<CityGraphType>("city")
            .Description("One member city; null when no member has the id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The city id, e.g. NO-5001.")
            .Resolve(c => c.Loaders().City(c.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("periods")
            .Description("The reporting periods the hub holds snapshots for, newest first.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<RequestNetwork>().PeriodsAsync(c.CancellationToken));

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetSetGraphType>>>>("targetSets")
            .Description("The target sets scores can be computed against; the first is the default.")
            .ResolveAsync(async c => await c.RequestServices!.GetRequiredService<TargetSets>().AllAsync(c.CancellationToken));

        Field<NonNullGraphType<ComparisonGraphType>>("compare")
            .Description("Cities side by side for one period: a row per KPI (data point), a cell per city with value, score, band, rank, percentile, network median, quality and verification. Missing values are null, never 0.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("cities", $"The cities, in column order (at most {ComparisonTables.MaxCities}).")
            .Argument<ListGraphType<NonNullGraphType<StringGraphType>>>("kpis", "KPI codes, in row order; all KPIs any of the cities reported when omitted.")
            .Argument<NonNullGraphType<IntGraphType>>("period", "The reporting period (year).")
            .Argument<DateTimeScalar>("asOf", "Compare the values as published on this instant; now when omitted.")
            .Argument<StringGraphType>("targetSet", "The target set's name (its newest version); definition-implied when omitted.")
            .Argument<ScoringBasisGraphType>("basis", "AS_REPORTED (every reported value) or AS_VERIFIED (only verified values, as in a U4SSC City Snapshot).", a => a.DefaultValue = ScoringBasis.AsReported)
            .WithComplexityImpact(FieldCosts.Compare, 1)
            .ResolveAsync(async c =>
            {
                var request = new ComparisonRequest(
                    c.GetArgument<List<string>>("cities"),
                    c.GetArgument<int>("period"),
                    c.GetArgument<List<string>?>("kpis"),
                    c.GetArgument<DateTimeOffset?>("asOf"),
                    await c.TargetSetArgumentAsync(),
                    c.BasisArgument());
                var result = await c.RequestServices!.GetRequiredService<ComparisonTables>().BuildAsync(request, c.RequestServices!.ReadershipOf(), c.CancellationToken);
                if (result.TryGetValue(out var table))
                {
                    return table;
                }

                // Every reason is reported, in order: all but the last are added, the last ends the field.
                foreach (var problem in result.Failures.SkipLast(1))
                {
                    c.Errors.Add(FieldErrors.Of(c, problem));
                }

                throw FieldErrors.Of(c, result.Failures[^1]);
            });

        this.AddMatchingFields();
    }
}
