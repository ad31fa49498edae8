using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace Network.Hub.OData;

/// <summary>The feed's entity data model: what <c>/odata/$metadata</c> describes (CSDL) and Excel and Power BI read.</summary>
public static class FeedModel
{
    /// <summary>The namespace of the feed's types, e.g. <c>Network.KpiValue</c>.</summary>
    public const string Namespace = "Network";

    /// <summary>The function returning the values as published on a date.</summary>
    public const string ValuesAsOf = "ValuesAsOf";

    /// <summary>Builds the model.</summary>
    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = Namespace, ContainerName = "Network" };
        builder.EntitySet<CityRow>("Cities").EntityType.Name = "City";
        builder.EntitySet<KpiRow>("Kpis").EntityType.Name = "Kpi";
        builder.EntitySet<SnapshotRow>("Snapshots").EntityType.Name = "Snapshot";
        builder.EntitySet<KpiValueRow>("KpiValues").EntityType.Name = "KpiValue";

        var asOf = builder.Function(ValuesAsOf);
        asOf.Parameter<DateTimeOffset>("date");
        asOf.ReturnsCollectionFromEntitySet<KpiValueRow>("KpiValues");
        asOf.IsComposable = true; // ValuesAsOf(date=...)/$count
        asOf.IncludeInServiceDocument = false; // a function with parameters is called, not listed (OData CSDL 13.6.3)

        return builder.GetEdmModel();
    }
}
