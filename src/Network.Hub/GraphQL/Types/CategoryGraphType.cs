using GraphQL;
using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>A category node in the catalogue tree.</summary>
public sealed class CategoryGraphType : ObjectGraphType<CategoryNode>
{
    /// <summary>Defines the fields.</summary>
    public CategoryGraphType()
    {
        Name = "Category";
        Description = "A U4SSC category node. Some names (Water and Sanitation) occur under two sub-dimensions; the code is unique.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The node's code, e.g. EC-ICT-WS.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The category name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KpiGraphType>>>>("kpis").Description("Its KPIs, in catalogue order.").WithComplexityImpact(1, 5).Resolve(c => c.Source.Kpis);
    }
}
