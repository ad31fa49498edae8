using GraphQL;
using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>The U4SSC KPI catalogue: its version, the tree and the flat list.</summary>
public sealed class CatalogueGraphType : ObjectGraphType<KpiCatalogue>
{
    /// <summary>Defines the fields.</summary>
    public CatalogueGraphType()
    {
        Name = "Catalogue";
        Description = "The U4SSC KPI catalogue the hub validates and scores against.";
        Field<NonNullGraphType<StringGraphType>>("version").Description("The catalogue version, e.g. u4ssc-2017.1.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<IntGraphType>>("kpiCount").Description("How many KPIs it holds (91).").Resolve(c => c.Source.All.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DimensionGraphType>>>>("dimensions")
            .Description("The tree: dimensions, sub-dimensions, categories, KPIs.")
            .WithComplexityImpact(1, 3)
            .Resolve(c => c.Source.Dimensions);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiGraphType>>>>("kpis")
            .Description("Every KPI in U4SSC order, optionally only those of one dimension (name or code: Environment, EN) or category (code or name).")
            .Argument<StringGraphType>("dimension", "A dimension: name (Environment), enum name or code (EN).")
            .Argument<StringGraphType>("category", "A category: node code (EC-ICT-WS) or name (Water and Sanitation).")
            .WithComplexityImpact(1, Arguments.TypicalValues)
            .Resolve(c =>
            {
                IEnumerable<Kpi> kpis = c.Source.All;
                if (c.GetArgument<string?>("dimension") is { } dimension)
                {
                    kpis = KpiCatalogue.TryParseDimension(dimension, out var d)
                        ? kpis.Where(k => k.Dimension == d)
                        : throw FieldErrors.Refusal($"'{dimension}' is not a dimension; use Economy, Environment or Society and Culture (or EC, EN, SC).", ErrorCodes.UnknownDimension);
                }

                if (c.GetArgument<string?>("category") is { } category)
                {
                    var inCategory = c.Source.InCategory(category).ToHashSet();
                    kpis = kpis.Where(inCategory.Contains);
                }

                return kpis.ToArray();
            });
    }
}
