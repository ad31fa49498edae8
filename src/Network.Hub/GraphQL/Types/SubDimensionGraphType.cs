using GraphQL;
using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>A sub-dimension in the catalogue tree.</summary>
public sealed class SubDimensionGraphType : ObjectGraphType<SubDimensionNode>
{
    /// <summary>Defines the fields.</summary>
    public SubDimensionGraphType()
    {
        Name = "SubDimension";
        Description = "A U4SSC sub-dimension, e.g. ICT (EC-ICT).";
        Field<NonNullGraphType<StringGraphType>>("code").Description("The code, e.g. EC-ICT.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The name, e.g. ICT.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CategoryGraphType>>>>("categories")
            .Description("Its categories, in catalogue order.")
            .WithComplexityImpact(1, 5)
            .Resolve(c => c.Source.Categories);
    }
}
