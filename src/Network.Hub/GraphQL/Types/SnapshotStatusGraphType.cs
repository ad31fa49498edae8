using GraphQL.Types;
using Network.Contracts.Snapshots;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="SnapshotStatus"/>.</summary>
public sealed class SnapshotStatusGraphType : EnumerationGraphType<SnapshotStatus>
{
    /// <summary>Names and describes the enum.</summary>
    public SnapshotStatusGraphType()
    {
        Name = "SnapshotStatus";
        Description = "Where a snapshot stands in a city's reporting year.";
    }
}
