using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="UnitKind"/>.</summary>
public sealed class UnitKindGraphType : EnumerationGraphType<UnitKind>
{
    /// <summary>Names and describes the enum.</summary>
    public UnitKindGraphType()
    {
        Name = "UnitKind";
        Description = "What sort of quantity a unit measures.";
    }
}
