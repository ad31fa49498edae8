using System.Security.Claims;
using Network.Hub.Identity;
using OpenIddict.Abstractions;

namespace Network.Hub.Embargo;

/// <summary>
/// Decides the <see cref="Readership"/> of whoever the current HTTP request comes from. Outside a request (the bus
/// consumer, the demo network, start-up work) the hub reads its own data as <see cref="Readership.Network"/>.
/// Inside one, the caller must prove membership with an access token carrying <c>network:read</c> or
/// <c>network:coordinate</c>; anyone else, including a node's publishing token, reads the public record.
/// </summary>
public sealed class ReadershipOfRequest(IHttpContextAccessor http)
{
    /// <summary>The scopes that let a caller read inside the network.</summary>
    public static readonly IReadOnlyList<string> MemberScopes = [Scopes.Read, Scopes.Coordinate];

    /// <summary>The current caller's readership.</summary>
    public Readership Current => http.HttpContext is { } context ? Of(context.User) : Readership.Network;

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
