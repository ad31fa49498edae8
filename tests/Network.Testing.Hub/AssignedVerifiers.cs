using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Signing;
using Network.Hub.Identity;
using Network.Hub.Storage;

namespace Network.Testing.Hub;

/// <summary>Verifiers for tests: stored as a coordinator's approval stores them, assigned to cities, with a client of their own.</summary>
public static class AssignedVerifiers
{
    /// <summary>The secret of a test verifier's client.</summary>
    public static string Secret(string verifierId) => VerifierSetup.VerifierSecret(verifierId);

    /// <summary>
    /// Stores the verifier <paramref name="verifierId"/> with <paramref name="keys"/> as its signing key, assigns it to
    /// <paramref name="cityIds"/> (each city must be registered), and gives it a client with the <c>verifier</c> claim
    /// and a known secret (<see cref="Secret"/>).
    /// </summary>
    public static async Task<ClientCredentials> AddAssignedVerifierAsync(this HubFactory hub, string verifierId, CityKeyPair keys, params string[] cityIds)
    {
        ArgumentNullException.ThrowIfNull(hub);
        ArgumentNullException.ThrowIfNull(keys);
        return await hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            db.Verifiers.Add(new VerifierRecord { Id = verifierId, Name = $"{verifierId} (test verifier)", RegisteredAt = DateTimeOffset.UnixEpoch });
            db.VerifierKeys.Add(new VerifierKeyRecord
            {
                KeyId = keys.KeyId, VerifierId = verifierId, Jwk = keys.PublicJwk.ToJson(), ValidFrom = DateTimeOffset.UnixEpoch, RegisteredAt = DateTimeOffset.UnixEpoch,
            });
            foreach (var cityId in cityIds)
            {
                db.VerifierAssignments.Add(new VerifierAssignmentRecord { VerifierId = verifierId, CityId = cityId, AssignedAt = DateTimeOffset.UnixEpoch, AssignedBy = "coordinator-tests" });
            }

            await db.SaveChangesAsync();
            return await services.GetRequiredService<ClientRegistry>().AddVerifierClientAsync(verifierId, $"{verifierId} (test verifier)", secret: Secret(verifierId));
        });
    }
}
