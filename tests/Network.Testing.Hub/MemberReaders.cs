using Network.Hub.Identity;

namespace Network.Testing.Hub;

/// <summary>Readers inside the network: what member cities see through a token with <c>network:read</c>.</summary>
public static class MemberReaders
{
    /// <summary>
    /// An HTTP client reading as a member city (a client with <see cref="Scopes.Read"/> only): it sees preliminary
    /// figures and the cities' notes, which anonymous readers do not.
    /// </summary>
    public static async Task<HttpClient> CreateMemberClientAsync(this HubFactory hub)
    {
        ArgumentNullException.ThrowIfNull(hub);
        var credentials = await hub.AddCoordinatorClientAsync("member-reader-" + Guid.NewGuid().ToString("N")[..8], [Scopes.Read]);
        return await hub.CreateClientAsync(credentials, Scopes.Read);
    }
}
