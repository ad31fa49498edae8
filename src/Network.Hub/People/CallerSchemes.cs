using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Validation.AspNetCore;

namespace Network.Hub.People;

/// <summary>
/// Which credential a request is authenticated with, decided by its endpoint: the pages for people (Razor component
/// endpoints) and the account endpoints (<see cref="PersonEndpointMetadata"/>) read the sign-in cookie only; everything
/// else (the APIs, GraphQL, OData, the token endpoint) reads a bearer access token only. So a browser's cookie opens no
/// API (no cross-site request forgery there), and a program's token opens no signed-in page.
/// </summary>
public static class CallerSchemes
{
    /// <summary>The hub's default authentication scheme: a policy scheme that forwards by endpoint.</summary>
    public const string Default = "network-caller";

    /// <summary>The scheme <paramref name="context"/>'s endpoint is authenticated with.</summary>
    public static string For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return IsForPeople(context.GetEndpoint()) ? IdentityConstants.ApplicationScheme : OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme;
    }

    /// <summary>Whether <paramref name="endpoint"/> is a page or an account endpoint, where the cookie counts.</summary>
    public static bool IsForPeople(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null || endpoint?.Metadata.GetMetadata<PersonEndpointMetadata>() is not null;
}

/// <summary>Marks a non-page endpoint (e.g. <c>POST /sign-out</c>) as one authenticated with the sign-in cookie.</summary>
public sealed class PersonEndpointMetadata
{
    /// <summary>The one instance.</summary>
    public static PersonEndpointMetadata Instance { get; } = new();
}
