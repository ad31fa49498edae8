using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Identity;

/// <summary>
/// The hub's OAuth clients (OpenIddict applications, stored with the rest of the hub's state): one per city's node
/// (<c>node-NO-5001</c>, scopes <see cref="Scopes.Node"/>, its city kept with the client and put into every token as
/// the <c>city</c> claim), one per verifier (<c>verifier-demo-verifier</c>, scope <see cref="Scopes.Verify"/>, its
/// verifier in every token as the <c>verifier</c> claim) and one per coordinator or API client. Clients use the client credentials grant only.
/// A client's tokens live no longer than the client as it was when they were issued: a new secret, removing the client
/// or revoking its tokens (its city's key revoked) changes its token stamp, and tokens carrying another stamp are
/// refused (<see cref="RevokedClientTokens"/>).
/// </summary>
public sealed class ClientRegistry(IOpenIddictApplicationManager applications, IOpenIddictTokenManager tokens, ClientTokenStamps stamps, TimeProvider time)
{
    /// <summary>The application property holding a node client's city.</summary>
    public const string CityProperty = "city";

    /// <summary>The application property holding a verifier client's verifier id.</summary>
    public const string VerifierProperty = "verifier";

    /// <summary>
    /// The application property holding the client's token stamp: the time (ISO 8601) its current tokens became valid
    /// and a random part, set when the client is created, gets a new secret or has its tokens revoked. Every token carries the stamp
    /// of its issue (<see cref="NetworkClaims.ClientStamp"/>); one carrying another is refused.
    /// </summary>
    public const string TokenStampProperty = "tokensValidSince";

    /// <summary>The client id of a city's node: <c>node-</c> and the city id.</summary>
    public static string NodeClientId(string cityId) => "node-" + cityId;

    /// <summary>The client id of a U4SSC verifier: <c>verifier-</c> and the verifier id.</summary>
    public static string VerifierClientId(string verifierId) => "verifier-" + verifierId;

    /// <summary>
    /// Creates the client of <paramref name="cityId"/>'s node, or replaces its secret when it exists (an approved
    /// re-enrollment: the node set up again holds the city's key and gets new credentials; the old secret stops working).
    /// </summary>
    /// <param name="cityId">The city, e.g. <c>NO-5001</c>.</param>
    /// <param name="displayName">Who the client is, e.g. <c>Trondheim's node</c>.</param>
    /// <param name="scopes">The scopes it may ask for; default <see cref="Scopes.Node"/>.</param>
    /// <param name="secret">The secret to use; default a new random one (tests pass a known one).</param>
    /// <param name="ct">Cancels the work.</param>
    /// <exception cref="ArgumentException">The city id or a scope is not valid.</exception>
    public async Task<ClientCredentials> AddNodeClientAsync(
        string cityId, string? displayName = null, IReadOnlyList<string>? scopes = null, string? secret = null, CancellationToken ct = default)
    {
        if (CityId.Explain(cityId) is { } why)
        {
            throw new ArgumentException(why, nameof(cityId));
        }

        return await AddAsync(NodeClientId(cityId), displayName ?? $"node of {cityId}", scopes ?? Scopes.Node, cityId, null, secret, ct);
    }

    /// <summary>
    /// Creates the client of the U4SSC verifier <paramref name="verifierId"/> (<c>verifier-</c> and its id, scope
    /// <see cref="Scopes.Verify"/>, its verifier id kept with the client and put into every token as the <c>verifier</c>
    /// claim), or replaces its secret when it exists.
    /// </summary>
    /// <param name="verifierId">The verifier, e.g. <c>demo-verifier</c> (<c>AttestationFormat.IsVerifierId</c>).</param>
    /// <param name="displayName">Who the client is, e.g. the organisation's name.</param>
    /// <param name="scopes">The scopes it may ask for; default <see cref="Scopes.Verifier"/>.</param>
    /// <param name="secret">The secret to use; default a new random one (tests pass a known one).</param>
    /// <param name="ct">Cancels the work.</param>
    /// <exception cref="ArgumentException">The verifier id or a scope is not valid.</exception>
    public async Task<ClientCredentials> AddVerifierClientAsync(
        string verifierId, string? displayName = null, IReadOnlyList<string>? scopes = null, string? secret = null, CancellationToken ct = default)
    {
        if (!AttestationFormat.IsVerifierId(verifierId))
        {
            throw new ArgumentException($"'{verifierId}' is not a verifier id: 3 to 64 lower-case letters, digits and dashes, e.g. demo-verifier.", nameof(verifierId));
        }

        return await AddAsync(VerifierClientId(verifierId), displayName ?? $"verifier {verifierId}", scopes ?? Scopes.Verifier, null, verifierId, secret, ct);
    }

    /// <summary>
    /// Creates a client for a network coordinator (or another API client) named <paramref name="name"/>, with
    /// <see cref="Scopes.Coordinate"/> and <see cref="Scopes.Read"/> unless other scopes are given; replaces its
    /// secret when it exists.
    /// </summary>
    /// <exception cref="ArgumentException">The name or a scope is not valid.</exception>
    public Task<ClientCredentials> AddCoordinatorClientAsync(string name, IReadOnlyList<string>? scopes = null, string? secret = null, CancellationToken ct = default)
    {
        var slug = new string(name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        if (slug.Length == 0)
        {
            throw new ArgumentException("A coordinator client needs a name with letters or digits, e.g. --coordinator secretariat.", nameof(name));
        }

        return AddAsync("coordinator-" + slug, name.Trim(), scopes ?? [Scopes.Coordinate, Scopes.Read], null, null, secret, ct);
    }

    /// <summary>Every client, by id.</summary>
    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken ct = default)
    {
        var views = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, ct))
        {
            views.Add(await ViewAsync(application, ct));
        }

        return views.OrderBy(v => v.ClientId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The client with this id, or <see langword="null"/>.</summary>
    public async Task<ClientView?> FindAsync(string clientId, CancellationToken ct = default) =>
        await applications.FindByClientIdAsync(clientId, ct) is { } application ? await ViewAsync(application, ct) : null;

    /// <summary>The city kept with an application, or <see langword="null"/>.</summary>
    public async Task<string?> CityOfAsync(object application, CancellationToken ct = default)
    {
        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(CityProperty, out var city) && city.ValueKind == JsonValueKind.String ? city.GetString() : null;
    }

    /// <summary>The verifier id kept with an application (a verifier's client), or <see langword="null"/>.</summary>
    public async Task<string?> VerifierOfAsync(object application, CancellationToken ct = default)
    {
        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(VerifierProperty, out var verifier) && verifier.ValueKind == JsonValueKind.String ? verifier.GetString() : null;
    }

    /// <summary>The scopes an application may ask for.</summary>
    public async Task<IReadOnlyList<string>> ScopesOfAsync(object application, CancellationToken ct = default) =>
        (await applications.GetPermissionsAsync(application, ct))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..])
            .OrderBy(s => Scopes.All.ToList().IndexOf(s))
            .ToList();

    /// <summary>
    /// Removes a client: its secret stops working and its tokens are refused from the next request on this hub (on
    /// other hub instances within <see cref="IdentityOptions.ClientStampCacheLifetime"/>). Its token rows go with it.
    /// </summary>
    /// <returns>Whether the client existed.</returns>
    public async Task<bool> RemoveAsync(string clientId, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return false;
        }

        // OpenIddict's store deletes the application's tokens and authorizations with it.
        await applications.DeleteAsync(application, ct);
        stamps.Invalidate(clientId);
        return true;
    }

    /// <summary>
    /// Revokes every token the client holds, leaving its secret as it is (it may ask for new ones): a new token stamp,
    /// and the token rows marked revoked so they are pruned.
    /// </summary>
    /// <returns>Whether the client exists.</returns>
    public async Task<bool> RevokeTokensAsync(string clientId, CancellationToken ct = default)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return false;
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, ct);
        descriptor.Properties[TokenStampProperty] = JsonSerializer.SerializeToElement(NewStamp());
        await applications.PopulateAsync(application, descriptor, ct);
        await applications.UpdateAsync(application, ct);
        await RevokeTokenRowsAsync(application, ct);
        stamps.Invalidate(clientId);
        return true;
    }

    /// <summary>The token stamp kept with an application, or <see langword="null"/> for a client made before stamps.</summary>
    public static async ValueTask<string?> TokenStampOfAsync(IOpenIddictApplicationManager applications, object application, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(applications);
        var properties = await applications.GetPropertiesAsync(application, ct);
        return properties.TryGetValue(TokenStampProperty, out var stamp) && stamp.ValueKind == JsonValueKind.String ? stamp.GetString() : null;
    }

    /// <summary>A new random client secret: 32 bytes, base64url (43 characters).</summary>
    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private async Task<ClientCredentials> AddAsync(string clientId, string displayName, IReadOnlyList<string> scopes, string? cityId, string? verifierId, string? secret, CancellationToken ct)
    {
        if (scopes.FirstOrDefault(s => !Scopes.All.Contains(s, StringComparer.Ordinal)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a scope of this hub; the scopes are {string.Join(", ", Scopes.All)}.", nameof(scopes));
        }

        secret ??= NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = displayName,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal))
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        if (cityId is not null)
        {
            descriptor.Properties[CityProperty] = JsonSerializer.SerializeToElement(cityId);
        }

        if (verifierId is not null)
        {
            descriptor.Properties[VerifierProperty] = JsonSerializer.SerializeToElement(verifierId);
        }

        // A new client, or a new secret: tokens issued before are no longer this client's (a client removed and made
        // again under the same id does not revive its predecessor's tokens either).
        descriptor.Properties[TokenStampProperty] = JsonSerializer.SerializeToElement(NewStamp());

        var existing = await applications.FindByClientIdAsync(clientId, ct);
        if (existing is null)
        {
            await applications.CreateAsync(descriptor, ct);
        }
        else
        {
            // The secret goes in separately: that overload hashes it (PopulateAsync would store what it is given).
            descriptor.ClientSecret = null;
            await applications.PopulateAsync(existing, descriptor, ct);
            await applications.UpdateAsync(existing, secret, ct);
            await RevokeTokenRowsAsync(existing, ct);
            stamps.Invalidate(clientId);
        }

        return new ClientCredentials(clientId, secret, [.. scopes.Distinct(StringComparer.Ordinal)], cityId, Replaced: existing is not null, VerifierId: verifierId);
    }

    // The time says when, for an operator reading the row; the random part keeps two changes at one instant apart.
    private string NewStamp() =>
        time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture) + "/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    // The stamp is what refuses the tokens; marking their rows revoked lets the pruning remove them before they expire.
    private async Task RevokeTokenRowsAsync(object application, CancellationToken ct)
    {
        if (await applications.GetIdAsync(application, ct) is { } id)
        {
            await tokens.RevokeByApplicationIdAsync(id, ct);
        }
    }

    private async Task<ClientView> ViewAsync(object application, CancellationToken ct) =>
        new(await applications.GetClientIdAsync(application, ct) ?? "",
            await applications.GetDisplayNameAsync(application, ct),
            await ScopesOfAsync(application, ct),
            await CityOfAsync(application, ct),
            await VerifierOfAsync(application, ct));
}
