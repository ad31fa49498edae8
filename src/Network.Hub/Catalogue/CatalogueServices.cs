using Microsoft.Extensions.DependencyInjection.Extensions;
using Network.Contracts.Catalogue;

namespace Network.Hub.Catalogue;

/// <summary>Registers the KPI catalogue the hub serves and validates against.</summary>
public static class CatalogueServices
{
    /// <summary>
    /// Registers <see cref="KpiCatalogue.Default"/> as a singleton, so handlers, health checks and (later)
    /// ingestion take the catalogue as a dependency rather than reaching for the static instance.
    /// Idempotent: a feature that registered the catalogue first keeps its registration.
    /// </summary>
    public static IHostApplicationBuilder AddKpiCatalogue(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(KpiCatalogue.Default);
        return builder;
    }
}
