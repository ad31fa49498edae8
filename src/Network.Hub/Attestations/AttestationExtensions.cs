using Microsoft.Extensions.DependencyInjection.Extensions;
using Network.Contracts.Attestations;

namespace Network.Hub.Attestations;

/// <summary>Registers the attestation pipeline.</summary>
public static class AttestationExtensions
{
    /// <summary>Adds the attestation verifier (against the database verifier key registry) and <see cref="AttestationIngestion"/>.</summary>
    public static IHostApplicationBuilder AddAttestations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<IVerifierKeyDirectory, DatabaseVerifierKeyDirectory>();
        builder.Services.AddScoped<AttestationVerifier>();
        builder.Services.AddScoped<AttestationIngestion>();
        return builder;
    }
}
