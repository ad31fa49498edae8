using Microsoft.AspNetCore.Authorization;
using OpenIddict.Abstractions;

namespace Network.Hub.Identity;

/// <summary>An authorization requirement: the access token grants <see cref="Scope"/>.</summary>
/// <param name="Scope">The scope, e.g. <c>network:coordinate</c>.</param>
public sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

/// <summary>Meets a <see cref="ScopeRequirement"/> when the principal's token grants the scope.</summary>
internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
