using GraphQL.Types;
using Network.Benchmarking.Targets;

namespace Network.Hub.GraphQL.Types;

/// <summary>A named, versioned set of targets.</summary>
public sealed class TargetSetGraphType : ObjectGraphType<TargetSet>
{
    /// <summary>Defines the fields.</summary>
    public TargetSetGraphType()
    {
        Name = "TargetSet";
        Description = "A named, versioned set of targets; scores always say which set (and version) they are against.";
        Field<NonNullGraphType<StringGraphType>>("name").Description("The set's name, e.g. definition-implied.").Resolve(c => c.Source.Name);
        Field<NonNullGraphType<StringGraphType>>("version").Description("The set's version.").Resolve(c => c.Source.Version);
        Field<NonNullGraphType<StringGraphType>>("catalogueVersion").Description("The catalogue version it was checked against.").Resolve(c => c.Source.CatalogueVersion);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TargetGraphType>>>>("targets").Description("Its targets.").Resolve(c => c.Source.Targets);
    }
}
