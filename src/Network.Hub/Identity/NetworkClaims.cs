using System.Security.Claims;

namespace Network.Hub.Identity;

/// <summary>The claims the hub puts into its access tokens beside the standard ones.</summary>
public static class NetworkClaims
{
    /// <summary>The city a node's client belongs to, e.g. <c>NO-5001</c>: the one city it may publish for.</summary>
    public const string City = "city";

    /// <summary>The verifier a verifier's client belongs to, e.g. <c>demo-verifier</c>: the one verifier it may attest as.</summary>
    public const string Verifier = "verifier";

    /// <summary>
    /// The client's token stamp when the token was issued (<see cref="ClientRegistry.TokenStampProperty"/>). A token
    /// whose stamp is no longer its client's was revoked (<see cref="RevokedClientTokens"/>).
    /// </summary>
    public const string ClientStamp = "client_stamp";

    /// <summary>The token's city, or <see langword="null"/> when the client is no city's node.</summary>
    public static string? CityId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(City)?.Value is { Length: > 0 } city ? city : null;
    }

    /// <summary>The token's verifier, or <see langword="null"/> when the client is no verifier's.</summary>
    public static string? VerifierId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.FindFirst(Verifier)?.Value is { Length: > 0 } verifier ? verifier : null;
    }
}
