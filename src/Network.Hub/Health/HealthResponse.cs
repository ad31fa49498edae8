using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Network.Hub.Health;

/// <summary>The body of <c>/health</c>, <c>/health/live</c> and <c>/health/ready</c>.</summary>
/// <param name="Status">The worst status among the checks run: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="CatalogueVersion">The KPI catalogue version this hub validates snapshots against.</param>
/// <param name="Kpis">How many KPIs that catalogue holds.</param>
/// <param name="Checks">Each check run, by name (none for liveness).</param>
public sealed record HealthResponse(HealthStatus Status, string CatalogueVersion, int Kpis, IReadOnlyList<HealthCheckStatus> Checks);

/// <summary>One health check's outcome.</summary>
/// <param name="Name">The check: <c>database</c>, <c>token-keys</c>, <c>masstransit-bus</c>, ...</param>
/// <param name="Status">Its status.</param>
/// <param name="Reason">Why it is not healthy, in a few words for the operator; never exception text. Null when healthy.</param>
public sealed record HealthCheckStatus(string Name, HealthStatus Status, string? Reason);
