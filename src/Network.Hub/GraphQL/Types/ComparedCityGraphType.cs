using GraphQL.Types;
using Network.Hub.Comparison;

namespace Network.Hub.GraphQL.Types;

/// <summary>A column of a comparison.</summary>
public sealed class ComparedCityGraphType : ObjectGraphType<ComparedCity>
{
    /// <summary>Defines the fields.</summary>
    public ComparedCityGraphType()
    {
        Name = "ComparedCity";
        Description = "A compared city.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The city id.").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("name").Description("The display name.").Resolve(c => c.Source.Name);
        Field<IntGraphType>("population").Description("Inhabitants, when known.").Resolve(c => c.Source.Population);
        Field<NonNullGraphType<BooleanGraphType>>("synthetic").Description("Whether its data is synthetic demo data.").Resolve(c => c.Source.Synthetic);
        Field<NonNullGraphType<BooleanGraphType>>("reported").Description("Whether it reported anything for the period.").Resolve(c => c.Source.Reported);
    }
}
