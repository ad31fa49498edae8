using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Identity;
using Network.Hub.Storage;

namespace Network.Testing.Hub;

/// <summary>
/// A U4SSC verifier in a hub under test, written straight into its tables (the verifier record, its key, its assignments)
/// with an OAuth client of a known secret (<see cref="VerifierSecret"/>), so tests can attest as it over HTTP
/// (<see cref="CreateVerifierClientAsync"/>) without going through enrollment.
/// </summary>
public static class VerifierSetup
{
    /// <summary>The secret <see cref="RegisterVerifierAsync"/> gives a test verifier's client.</summary>
    public static string VerifierSecret(string verifierId) => "test-verifier-secret-" + verifierId;

    /// <summary>Registers <paramref name="verifier"/> with its key (valid from the start of time) and a client, assigned to <paramref name="cities"/>.</summary>
    public static async Task<TestVerifier> RegisterVerifierAsync(this HubFactory hub, TestVerifier verifier, params string[] cities)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(verifier);
        await hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            db.Verifiers.Add(new VerifierRecord { Id = verifier.VerifierId, Name = verifier.Name, RegisteredAt = DateTimeOffset.UtcNow });
            db.VerifierKeys.Add(new VerifierKeyRecord
            {
                KeyId = verifier.Keys.KeyId,
                VerifierId = verifier.VerifierId,
                Jwk = verifier.Keys.PublicJwk.ToJson(),
                ValidFrom = DateTimeOffset.UnixEpoch,
                RegisteredAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            await services.GetRequiredService<ClientRegistry>()
                .AddVerifierClientAsync(verifier.VerifierId, verifier.Name, secret: VerifierSecret(verifier.VerifierId));
        });
        foreach (var city in cities)
        {
            await hub.AssignAsync(verifier.VerifierId, city);
        }

        return verifier;
    }

    /// <summary>Assigns <paramref name="verifierId"/> to <paramref name="cityId"/> (the city must be registered).</summary>
    public static Task AssignAsync(this HubFactory hub, string verifierId, string cityId)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            db.VerifierAssignments.Add(new VerifierAssignmentRecord
            {
                VerifierId = verifierId,
                CityId = cityId,
                AssignedAt = DateTimeOffset.UtcNow,
                AssignedBy = "coordinator-tests",
            });
            await db.SaveChangesAsync();
        });
    }

    /// <summary>Ends every assignment of <paramref name="verifierId"/> to <paramref name="cityId"/>.</summary>
    public static Task EndAssignmentAsync(this HubFactory hub, string verifierId, string cityId)
    {
        ArgumentNullException.ThrowIfNull(hub);
        return hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            foreach (var assignment in db.VerifierAssignments.Where(a => a.VerifierId == verifierId && a.CityId == cityId && a.EndedAt == null))
            {
                assignment.EndedAt = DateTimeOffset.UtcNow;
                assignment.EndedBy = "coordinator-tests";
            }

            await db.SaveChangesAsync();
        });
    }

    /// <summary>Changes the registered key of <paramref name="verifier"/> (revocation, validity dates).</summary>
    public static Task UpdateVerifierKeyAsync(this HubFactory hub, TestVerifier verifier, Action<VerifierKeyRecord> change)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(change);
        return hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            change(await db.VerifierKeys.FindAsync(verifier.Keys.KeyId) ?? throw new InvalidOperationException($"{verifier.VerifierId}'s key is not registered."));
            await db.SaveChangesAsync();
        });
    }

    /// <summary>An HTTP client authenticated as <paramref name="verifierId"/>'s client (registered with <see cref="RegisterVerifierAsync"/>).</summary>
    public static async Task<HttpClient> CreateVerifierClientAsync(this HubFactory hub, string verifierId)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var client = hub.CreateClient();
        return client.WithToken(await TestTokens.RequestAsync(client, ClientRegistry.VerifierClientId(verifierId), VerifierSecret(verifierId)));
    }
}
