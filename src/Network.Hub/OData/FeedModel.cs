using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;
using Network.Hub.OData.Matching;

namespace Network.Hub.OData;

/// <summary>The feed's entity data model: what <c>/odata/$metadata</c> describes (CSDL) and Excel and Power BI read.</summary>
public static class FeedModel
{
    /// <summary>The namespace of the feed's types, e.g. <c>Network.KpiValue</c>.</summary>
    public const string Namespace = "Network";

    /// <summary>The function returning the values as published on a date.</summary>
    public const string ValuesAsOf = "ValuesAsOf";

    // Peer matching as functions (called, not listed): each returns rows of a complex type for one period.
    private static void AddMatchingFunctions(ODataConventionModelBuilder builder)
    {
        builder.ComplexType<PeerMatchRow>().Name = "PeerMatch";
        builder.ComplexType<MatchContributionRow>().Name = "MatchContribution";
        builder.ComplexType<LearnFromRow>().Name = "BetterPeer";
        builder.ComplexType<CategoryStandingRow>().Name = "CategoryStanding";
        Function<PeerMatchRow>(builder, "PeerMatches", "city", "period");
        Function<MatchContributionRow>(builder, "MatchContributions", "city", "period");
        Function<LearnFromRow>(builder, "LearnFrom", "city", "kpi", "period");
        Function<CategoryStandingRow>(builder, "StrengthsAndGaps", "period");
        Function<PeerMatchRow>(builder, "NetworkPairing", "period");
    }

    private static void Function<TRow>(ODataConventionModelBuilder builder, string name, params string[] parameters)
        where TRow : class
    {
        var function = builder.Function(name);
        foreach (var parameter in parameters)
        {
            if (parameter == "period")
            {
                function.Parameter<int>(parameter);
            }
            else
            {
                function.Parameter<string>(parameter);
            }
        }

        function.ReturnsCollection<TRow>();
        function.IncludeInServiceDocument = false;
    }

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

        AddMatchingFunctions(builder);
        return builder.GetEdmModel();
    }
}
