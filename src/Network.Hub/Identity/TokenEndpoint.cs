using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.IdentityModel.Tokens;
using Network.Hub.Problems;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Identity;

/// <summary>
/// <c>POST /connect/token</c>: the OAuth 2.0 token endpoint (RFC 6749 §4.4, client credentials). OpenIddict reads the
/// request and checks the client's id, secret and the scopes it may ask for before this handler runs; an error
/// (<c>invalid_client</c>, <c>invalid_scope</c>, ...) is answered by OpenIddict in the OAuth format of RFC 6749 §5.2.
/// This handler decides what the token says: the client as subject, its city (for a node), the granted scopes and the
/// client's token stamp (<see cref="NetworkClaims.ClientStamp"/>), which ties the token's life to the client's.
/// </summary>
public static class TokenEndpoint
{
    /// <summary>The endpoint's path.</summary>
    public const string Path = "/connect/token";

    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, IssueAsync)
            // Limited inside the authorization server, before the secret is checked (TokenRateLimit), not again here.
            .DisableRateLimiting()
            .WithTags("Identity")
            .WithSummary("An access token for a client id and secret (OAuth 2.0 client credentials, form-encoded)");
        return app;
    }

    /// <summary>
    /// Signs in the client: the token's subject is the client id, its <c>city</c> claim the client's city (a node's), its
    /// <c>verifier</c> claim the client's verifier (a U4SSC verifier's),
    /// its scopes those asked for, or every scope the client may have when it asked for none.
    /// </summary>
    public static async Task<IResult> IssueAsync(HttpContext context, IOpenIddictApplicationManager applications, ClientRegistry clients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A spelling of the path that routing matches but the authorization server does not take for its endpoint
        // (none is known: both ignore case and a trailing slash) is no token endpoint: one path, one limit.
        if (context.GetOpenIddictServerRequest() is not { } request)
        {
            return HubProblem.NotTheTokenEndpoint().ToResult();
        }

        if (!request.IsClientCredentialsGrantType() || request.ClientId is null)
        {
            // OpenIddict refuses every other grant type before this point; this guards against a misconfiguration.
            throw new InvalidOperationException($"The grant type '{request.GrantType}' is not enabled on this hub.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId, cancellationToken)
            ?? throw new InvalidOperationException($"The client '{request.ClientId}' was authenticated but is not in the store.");

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, request.ClientId);
        identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, cancellationToken) ?? request.ClientId);
        if (await clients.CityOfAsync(application, cancellationToken) is { } city)
        {
            identity.SetClaim(NetworkClaims.City, city);
        }

        if (await clients.VerifierOfAsync(application, cancellationToken) is { } verifier)
        {
            identity.SetClaim(NetworkClaims.Verifier, verifier);
        }

        // The client's stamp now: when it changes (a new secret, its key revoked, the client removed) this token is refused.
        if (await ClientRegistry.TokenStampOfAsync(applications, application, cancellationToken) is { } stamp)
        {
            identity.SetClaim(NetworkClaims.ClientStamp, stamp);
        }

        var requested = request.GetScopes();
        identity.SetScopes(requested.IsEmpty ? await clients.ScopesOfAsync(application, cancellationToken) : requested);
        identity.SetResources(IdentityExtensions.Audience);
        identity.SetDestinations(static _ => [Destinations.AccessToken]);

        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
