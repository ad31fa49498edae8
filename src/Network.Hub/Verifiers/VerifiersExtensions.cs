namespace Network.Hub.Verifiers;

/// <summary>The verifiers as members of the network: their registry, keys and assignments.</summary>
public static class VerifiersExtensions
{
    /// <summary>Registers the verifier registry.</summary>
    public static IHostApplicationBuilder AddVerifiers(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddScoped<VerifierRegistry>();
        return builder;
    }
}
