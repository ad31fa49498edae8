using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Pages.Desk;

/// <summary>
/// A signed-in person as the verification services record a caller: those services name the OAuth client that wrote a
/// message (<c>client_id</c>), and a person has none, so a desk passes the person's principal with the client id
/// <c>person:&lt;user name&gt;</c>, as the coordinator's desk records its decisions.
/// </summary>
public static class PersonCaller
{
    /// <summary>The name a person's actions are recorded under, e.g. <c>person:vera@verification.example</c>.</summary>
    public static string Name(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return "person:" + user.Identity?.Name;
    }

    /// <summary><paramref name="user"/> with the <c>client_id</c> claim <see cref="Name"/>, its other claims (roles, scopes, city, verifier) unchanged.</summary>
    public static ClaimsPrincipal AsClient(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var principal = user.Clone();
        if (principal.Identity is ClaimsIdentity identity && principal.GetClaim(Claims.ClientId) is null)
        {
            identity.AddClaim(new Claim(Claims.ClientId, Name(user)));
        }

        return principal;
    }
}
