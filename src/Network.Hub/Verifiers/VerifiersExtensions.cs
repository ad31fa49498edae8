namespace Network.Hub.Verifiers;

/// <summary>The verifiers as members of the network: their registry, keys and assignments, and their queue.</summary>
public static class VerifiersExtensions
{
    /// <summary>Registers the verifier registry and the verifiers' queue.</summary>
    public static IHostApplicationBuilder AddVerifiers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<VerifierRegistry>();
        builder.Services.AddScoped<VerificationQueueReader>();
        return builder;
    }
}
