using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Network.Hub.Identity;

namespace Network.Hub.People;

/// <summary>
/// The authorization policies of the pages for signed-in people, used as <c>@attribute [Authorize(Policy = PageAccess.Coordinator)]</c>.
/// Each authenticates with the sign-in cookie only (<see cref="IdentityConstants.ApplicationScheme"/>): an anonymous
/// visitor, or a program with a bearer token, is sent to <c>/sign-in?returnUrl=…</c>; a person without the role gets
/// the 403 page. The roles are the scopes a client would hold (<see cref="PersonRole"/>).
/// </summary>
public static class PageAccess
{
    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "page:signed-in";

    /// <summary>A network coordinator (<c>network:coordinate</c>).</summary>
    public const string Coordinator = "page:coordinator";

    /// <summary>A verifier's person (<c>snapshots:verify</c> and a <c>verifier</c> claim).</summary>
    public const string Verifier = "page:verifier";

    /// <summary>A city's analyst (<c>network:read</c> and a <c>city</c> claim).</summary>
    public const string Analyst = "page:analyst";

    /// <summary>A member: whoever reads inside the network (<c>network:read</c>).</summary>
    public const string Member = "page:member";

    /// <summary>Adds the policies.</summary>
    public static AuthorizationBuilder AddPagePolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddPolicy(SignedIn, policy => Cookie(policy))
            .AddPolicy(Coordinator, policy => Cookie(policy).RequireRole(Scopes.Coordinate))
            .AddPolicy(Verifier, policy => Cookie(policy).RequireRole(Scopes.Verify).RequireClaim(NetworkClaims.Verifier))
            .AddPolicy(Analyst, policy => Cookie(policy).RequireRole(Scopes.Read).RequireClaim(NetworkClaims.City))
            .AddPolicy(Member, policy => Cookie(policy).RequireRole(Scopes.Read));
    }

    /// <summary>Whether <paramref name="policy"/> is a page's (its refusals are redirects and pages, not ProblemDetails).</summary>
    public static bool IsPagePolicy(AuthorizationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.AuthenticationSchemes.Contains(IdentityConstants.ApplicationScheme);
    }

    private static AuthorizationPolicyBuilder Cookie(AuthorizationPolicyBuilder policy) =>
        policy.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme).RequireAuthenticatedUser();
}
