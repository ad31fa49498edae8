using GraphQL.Types;
using Network.Benchmarking.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="RollUpLevel"/>.</summary>
public sealed class RollUpLevelGraphType : EnumerationGraphType<RollUpLevel>
{
    /// <summary>Names and describes the enum.</summary>
    public RollUpLevelGraphType()
    {
        Name = "RollUpLevel";
        Description = "The levels U4SSC sums points at.";
    }
}
