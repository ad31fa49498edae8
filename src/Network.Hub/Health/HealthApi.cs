using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Network.Contracts.Catalogue;

namespace Network.Hub.Health;

/// <summary>
/// Liveness and readiness, ASP.NET Core health checks with the hub's own JSON body.
/// <list type="bullet">
/// <item><c>GET /health/live</c>: the process answers HTTP; no check runs, so a busy database or broker never makes an
/// orchestrator restart a hub that would recover by itself.</item>
/// <item><c>GET /health/ready</c>: every check tagged <see cref="ReadyTag"/>: the database (read, a rolled-back write,
/// migrations applied), the broker when RabbitMQ is used (MassTransit's bus check), the token signing keys. 503 when
/// one fails; a load balancer sends work only to a ready hub.</item>
/// <item><c>GET /health</c>: the same as <c>/health/ready</c>, kept for the clients and scripts that already use it.</item>
/// </list>
/// The body names each check and its status (and, when it failed, a short reason written for operators); the
/// exception of a failed check is never written out.
/// </summary>
public static class HealthApi
{
    /// <summary>The tag of the checks readiness runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The liveness path.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The readiness path.</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>Maps <c>/health</c>, <c>/health/live</c> and <c>/health/ready</c> (GET and HEAD).</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        var ready = new HealthCheckOptions { Predicate = IsReadiness, ResponseWriter = WriteResponse };
        app.MapHealthChecks("/health", ready)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithSummary("Health: readiness (as /health/ready), with the KPI catalogue version and size");
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteResponse })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithSummary("Liveness: the process answers; no dependency is checked");
        app.MapHealthChecks(ReadyPath, ready)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithSummary("Readiness: database (read and write), migrations, broker, token keys; 503 when one fails");
        return app;
    }

    // Only the hub's own checks word their reason for operators; another library's description may carry exception
    // text (a broker address, a server's message), so it is left out.
    private static readonly HashSet<string> OwnChecks = ["database", "token-keys"];

    // MassTransit tags its bus check "ready" too; a check registered without tags is counted as well, so a feature
    // that forgets the tag is not left out.
    private static bool IsReadiness(HealthCheckRegistration check) => check.Tags.Count == 0 || check.Tags.Contains(ReadyTag);

    private static Task WriteResponse(HttpContext context, HealthReport report)
    {
        var catalogue = context.RequestServices.GetRequiredService<KpiCatalogue>();
        var checks = report.Entries
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new HealthCheckStatus(e.Key, e.Value.Status, e.Value.Status == HealthStatus.Healthy || !OwnChecks.Contains(e.Key) ? null : e.Value.Description))
            .ToList();
        return context.Response.WriteAsJsonAsync(
            new HealthResponse(report.Status, catalogue.Version, catalogue.All.Count, checks),
            context.RequestAborted);
    }
}
