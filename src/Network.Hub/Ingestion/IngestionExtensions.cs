using Microsoft.Extensions.DependencyInjection.Extensions;
using Network.Contracts.Catalogue;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Hub.Keys;

namespace Network.Hub.Ingestion;

/// <summary>Registers the ingestion pipeline and the key registry.</summary>
public static class IngestionExtensions
{
    /// <summary>Adds the verifier (against the database key registry) and <see cref="SnapshotIngestion"/>.</summary>
    public static IHostApplicationBuilder AddIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(KpiCatalogue.Default);
        builder.Services.AddScoped<ICityKeyDirectory, DatabaseKeyDirectory>();
        builder.Services.AddScoped<SnapshotVerifier>();
        builder.Services.AddScoped<SnapshotIngestion>();
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<IngestionMetrics>();
        builder.Services.AddScoped<KeyRegistry>();
        return builder;
    }
}
