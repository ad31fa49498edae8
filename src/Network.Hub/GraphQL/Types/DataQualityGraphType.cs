using GraphQL.Types;
using Network.Contracts.Snapshots;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="DataQuality"/>.</summary>
public sealed class DataQualityGraphType : EnumerationGraphType<DataQuality>
{
    /// <summary>Names and describes the enum.</summary>
    public DataQualityGraphType()
    {
        Name = "DataQuality";
        Description = "How a value was obtained: the data-quality classes of the U4SSC Verification Manual.";
    }
}
