using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Network.Hub.Identity;
using Network.Hub.Storage;
using OpenIddict.Abstractions;

namespace Network.Hub.People;

/// <summary>
/// The claims a signed-in person's cookie carries: Identity's (id, user name, security stamp, roles, the account's
/// <c>city</c>/<c>verifier</c> claims), the person's name, and the scopes their roles mirror, written the way the
/// hub's token validation writes a token's scopes, so that the embargo (<c>ReadershipOfRequest.Of</c>) reads a
/// signed-in member exactly as a member's token.
/// </summary>
public sealed class PersonClaims(UserManager<PersonRecord> users, RoleManager<IdentityRole> roles, IOptions<Microsoft.AspNetCore.Identity.IdentityOptions> options)
    : UserClaimsPrincipalFactory<PersonRecord, IdentityRole>(users, roles, options)
{
    /// <summary>The claim type of the person's display name.</summary>
    public const string Name = "person_name";

    /// <inheritdoc/>
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PersonRecord user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Name, user.DisplayName));
        var scopes = identity.FindAll(Options.ClaimsIdentity.RoleClaimType).Select(c => c.Value).Where(Scopes.All.Contains).Distinct();
        identity.SetScopes(scopes);
        return identity;
    }
}

/// <summary>Reading a signed-in person from the request's principal.</summary>
public static class PersonPrincipal
{
    /// <summary>The person's name, or the empty string.</summary>
    public static string PersonName(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirst(PersonClaims.Name)?.Value ?? "";
    }

    /// <summary>Whether the principal is a signed-in person (the cookie), not a program's token.</summary>
    public static bool IsSignedInPerson(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity is { IsAuthenticated: true, AuthenticationType: var type } && type == IdentityConstants.ApplicationScheme;
    }
}
