using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Network.Contracts.Catalogue;

namespace Network.Hub.Health;

/// <summary>
/// <c>GET /health</c>: ASP.NET Core health checks with the hub's own JSON body. Features register their
/// checks with <c>AddHealthChecks()</c> (the database, the bus) and this endpoint reports them without
/// changing; a failing check answers 503 and its exception is never written out.
/// </summary>
public static class HealthApi
{
    /// <summary>Maps <c>GET /health</c>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteResponse })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithSummary("Health, with the KPI catalogue version and size");
        return app;
    }

    private static Task WriteResponse(HttpContext context, HealthReport report)
    {
        var catalogue = context.RequestServices.GetRequiredService<KpiCatalogue>();
        return context.Response.WriteAsJsonAsync(
            new HealthResponse(report.Status, catalogue.Version, catalogue.All.Count),
            context.RequestAborted);
    }
}
