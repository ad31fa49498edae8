using GraphQL;
using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>A U4SSC dimension in the catalogue tree.</summary>
public sealed class DimensionGraphType : ObjectGraphType<DimensionNode>
{
    /// <summary>Defines the fields.</summary>
    public DimensionGraphType()
    {
        Name = "Dimension";
        Description = "A U4SSC dimension: Economy, Environment, or Society and Culture.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("EC, EN or SC.").Resolve(c => c.Source.SubDimensions[0].Code.Split('-')[0]);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The dimension's name.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SubDimensionGraphType>>>>("subDimensions")
            .Description("Its sub-dimensions, in catalogue order.")
            .WithComplexityImpact(1, 3)
            .Resolve(c => c.Source.SubDimensions);
    }
}
