using System.Security.Claims;
using Network.Hub.Identity;
using OpenIddict.Abstractions;

namespace Network.Hub.Embargo;

/// <summary>
/// The rule that decides a caller's <see cref="Readership"/>: the caller must prove membership with an access token
/// carrying <c>network:read</c> or <c>network:coordinate</c> (or, on the pages, be signed in as a person whose roles
/// are those scopes); anyone else, including a node's publishing token, reads
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
        // Only a token the hub's validation accepted (outside the pages), or a signed-in person's cookie (on the pages,
        // see People.CallerSchemes and People.PersonClaims), puts scopes on the user: a signed-in member reads as a member's token.
        return user.Identity?.IsAuthenticated == true && MemberScopes.Any(user.HasScope)
            ? Readership.Network
            : Readership.Public;
    }
}
