using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Network.Hub.Identity;

/// <summary>
/// Makes the configured issuer the base of every address the authorization server writes (the discovery document's
/// endpoints, the key set's address), instead of the scheme and Host header of the request: those are the caller's to
/// choose, and a document naming <c>http://evil.example/connect/token</c> would send clients that trust it elsewhere.
/// Runs after OpenIddict recognised its endpoint and checked the transport and the Host header against the request as
/// it came, so those checks are unchanged.
/// </summary>
internal sealed class IssuerBaseUri : IOpenIddictServerHandler<ProcessRequestContext>
{
    /// <summary>After OpenIddict's own checks of the request's transport and Host header.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<IssuerBaseUri>()
            .SetOrder(Math.Max(OpenIddictServerAspNetCoreHandlers.ValidateHostHeader.Descriptor.Order,
                OpenIddictServerAspNetCoreHandlers.ValidateTransportSecurityRequirement.Descriptor.Order) + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <inheritdoc/>
    public ValueTask HandleAsync(ProcessRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.Issuer is { } issuer && context.BaseUri is { } requestBase && context.RequestUri is { } request
            && requestBase.IsBaseOf(request))
        {
            context.RequestUri = new Uri(issuer, requestBase.MakeRelativeUri(request));
            context.BaseUri = issuer;
        }

        return default;
    }
}
