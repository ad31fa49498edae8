using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Network.Hub.People;
using Network.Hub.Problems;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Network.Hub.Identity;

/// <summary>
/// Answers a refused request as ProblemDetails: 401 when there is no valid access token (saying what was wrong
/// with the token, beside OpenIddict's <c>WWW-Authenticate</c> header), 403 when the token lacks the scope the
/// endpoint needs (naming it). The pages' policies (<see cref="PageAccess"/>) are answered the framework's way instead.
/// </summary>
internal sealed class AccessProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (PageAccess.IsPagePolicy(policy))
        {
            // A page's refusal is for a person: the cookie's redirect to the sign-in page or the 403 page.
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        if (authorizeResult.Challenged)
        {
            var scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            var authentication = await context.AuthenticateAsync(scheme);
            var why = authentication.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription);
            await context.ChallengeAsync(scheme); // 401 with WWW-Authenticate: Bearer error="invalid_token", ...
            await HubProblem.AccessTokenNeeded(why).WriteAsync(context);
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
            var granted = context.User.GetScopes();
            await HubProblem.AccessTokenTooNarrow(needed, granted).WriteAsync(context);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
