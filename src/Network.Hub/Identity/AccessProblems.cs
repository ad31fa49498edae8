using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Network.Hub.Identity;

/// <summary>
/// Answers a refused request as ProblemDetails: 401 when there is no valid access token (saying what was wrong
/// with the token, beside OpenIddict's <c>WWW-Authenticate</c> header), 403 when the token lacks the scope the
/// endpoint needs (naming it).
/// </summary>
internal sealed class AccessProblems(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            var scheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
            var authentication = await context.AuthenticateAsync(scheme);
            var why = authentication.Properties?.GetString(OpenIddictValidationAspNetCoreConstants.Properties.ErrorDescription);
            await context.ChallengeAsync(scheme); // 401 with WWW-Authenticate: Bearer error="invalid_token", ...
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await WriteAsync(context, StatusCodes.Status401Unauthorized, "An access token is needed", why is null
                ? $"This endpoint needs an access token of this hub: get one from POST {TokenEndpoint.Path} with your client id and secret (grant_type=client_credentials) and send it as 'Authorization: Bearer <token>'."
                : $"The access token was refused: {why.TrimEnd('.')}. Get a new one from POST {TokenEndpoint.Path}.");
            return;
        }

        if (authorizeResult.Forbidden)
        {
            var needed = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope).ToList() ?? [];
            var granted = context.User.GetScopes();
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteAsync(context, StatusCodes.Status403Forbidden, "The access token does not allow this", needed.Count == 0
                ? "The access token does not allow this request."
                : $"This endpoint needs the scope '{string.Join("', '", needed)}'; the token grants {(granted.IsEmpty ? "no scope" : $"'{string.Join("', '", granted)}'")}. Ask the network coordinator for a client with that scope.",
                needed);
            return;
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private async Task WriteAsync(HttpContext context, int status, string title, string detail, IReadOnlyList<string>? requiredScopes = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (requiredScopes is { Count: > 0 })
        {
            problem.Extensions["requiredScopes"] = requiredScopes;
        }

        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
