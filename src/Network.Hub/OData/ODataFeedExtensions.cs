using Microsoft.AspNetCore.OData;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Network.Hub.Hosting;

namespace Network.Hub.OData;

/// <summary>Adds the OData v4 feed at <c>/odata</c>: what Excel and Power BI load as an "OData feed".</summary>
public static class ODataFeedExtensions
{
    /// <summary>The feed's route prefix.</summary>
    public const string RoutePrefix = "odata";

    // The feed's endpoints the home page and start-up banner announce, by route pattern.
    // The feed's one line on the home page and in the start-up banner: the service root Excel and Power BI are pointed at.
    private const string Summary = "OData v4 feed for Excel and Power BI (Data → Get Data → From OData Feed): Cities, Kpis, Snapshots, KpiValues, ValuesAsOf(date=...)";

    private static readonly string[] Examples =
    [
        "/odata/$metadata",
        "/odata/KpiValues?$filter=Current%20eq%20true&$select=CityId,Period,KpiCode,Value,Score,Rank&$top=20",
        "/odata/KpiValues?$apply=filter(Current%20eq%20true)/groupby((KpiCode),aggregate(Value%20with%20average%20as%20Average))",
        "/odata/ValuesAsOf(date=2021-01-01T00:00:00Z)",
    ];

    /// <summary>Registers the feed: MVC controllers with OData, its model, limits (<c>Network:OData</c>) and query runner.</summary>
    public static IHostApplicationBuilder AddODataFeed(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<FeedOptions>(builder.Configuration.GetSection(FeedOptions.Section));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<FeedQuery>();
        var maxTop = builder.Configuration.GetSection(FeedOptions.Section).Get<FeedOptions>()?.MaxTop ?? new FeedOptions().MaxTop;
        builder.Services.AddControllers().AddOData(odata => odata
            .AddRouteComponents(RoutePrefix, FeedModel.Build())
            .Select().Filter().OrderBy().Expand().Count().SetMaxTop(maxTop));
        return builder;
    }

    /// <summary>Maps the feed's controllers, the service document and <c>$metadata</c>.</summary>
    public static WebApplication MapODataFeed(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapControllers().Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.Trim('/') == RoutePrefix)
            {
                endpoint.Metadata.Add(new EndpointSummaryAttribute(Summary));
                endpoint.Metadata.Add(new EndpointExamples(Examples));
            }
        });
        return app;
    }
}
