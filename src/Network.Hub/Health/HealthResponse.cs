using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Network.Hub.Health;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">The worst status among the registered checks: <c>healthy</c>, <c>degraded</c> or <c>unhealthy</c>.</param>
/// <param name="CatalogueVersion">The KPI catalogue version this hub validates snapshots against.</param>
/// <param name="Kpis">How many KPIs that catalogue holds.</param>
public sealed record HealthResponse(HealthStatus Status, string CatalogueVersion, int Kpis);
