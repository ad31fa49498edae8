using System.Security.Claims;
using Network.Hub.Identity;
using OpenIddict.Abstractions;

namespace Network.Hub.Embargo;

/// <summary>
/// The rule that decides a caller's <see cref="Readership"/>: the caller must prove membership with an access token
/// carrying <c>network:read</c> or <c>network:coordinate</c>; anyone else, including a node's publishing token, reads
/// the public record. Applied once per request by <see cref="ReadershipMiddleware"/>; nothing looks it up ambiently.
/// </summary>
public static class ReadershipOfRequest
{
    /// <summary>The scopes that let a caller read inside the network.</summary>
    public static readonly IReadOnlyList<string> MemberScopes = [Scopes.Read, Scopes.Coordinate];

    /// <summary>The readership of an authenticated (or anonymous) caller.</summary>
    public static Readership Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        // Only a token the hub's validation accepted puts scopes on the user (OpenIddict's validation handler).
        return user.Identity?.IsAuthenticated == true && MemberScopes.Any(user.HasScope)
            ? Readership.Network
            : Readership.Public;
    }
}
