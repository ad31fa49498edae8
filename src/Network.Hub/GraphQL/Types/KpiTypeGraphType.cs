using GraphQL.Types;
using KpiType = Network.Contracts.Catalogue.KpiType;

namespace Network.Hub.GraphQL.Types;

/// <summary>The GraphQL enum for <see cref="KpiType"/>.</summary>
public sealed class KpiTypeGraphType : EnumerationGraphType<KpiType>
{
    /// <summary>Names and describes the enum.</summary>
    public KpiTypeGraphType()
    {
        Name = "KpiType";
        Description = "U4SSC's split: core KPIs every city reports, advanced ones optional.";
    }
}
