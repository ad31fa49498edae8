using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Network.Hub.Identity;

/// <summary>
/// Readiness of token issuing: the authorization server holds a signing key, and a key from a certificate is still in
/// its validity period. A certificate that expired while the hub ran stops the token endpoint; readiness says so
/// before the nodes and readers notice.
/// </summary>
internal sealed class TokenKeysHealthCheck(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var signing = server.CurrentValue.SigningCredentials;
        if (signing.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("no token signing key"));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var usable = signing.Any(credentials => credentials.Key is not X509SecurityKey x509
            || (x509.Certificate.NotBefore.ToUniversalTime() <= now && now < x509.Certificate.NotAfter.ToUniversalTime()));
        return Task.FromResult(usable
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the token signing certificate is expired or not yet valid"));
    }
}
