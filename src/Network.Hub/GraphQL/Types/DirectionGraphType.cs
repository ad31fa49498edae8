using GraphQL.Types;
using Network.Contracts.Catalogue;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="Direction"/>.</summary>
public sealed class DirectionGraphType : EnumerationGraphType<Direction>
{
    /// <summary>Names and describes the enum.</summary>
    public DirectionGraphType()
    {
        Name = "Direction";
        Description = "Which way a KPI's value is better.";
    }
}
