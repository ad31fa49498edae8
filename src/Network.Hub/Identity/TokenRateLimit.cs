using System.Threading.RateLimiting;
using Microsoft.AspNetCore;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Network.Hub.Identity;

/// <summary>
/// The token endpoint's limit (<see cref="RateLimitOptions.Token"/>), applied inside the authorization server, to
/// every request that OpenIddict itself takes for its token endpoint, right after it decided so and before it reads
/// a client id or secret. OpenIddict answers a wrong secret in the authentication middleware, before routing's
/// endpoint runs, and it matches its endpoint paths loosely (any case, with or without a trailing slash): a limiter
/// in front of it that compared paths would be escaped by a spelling it did not know, and one behind it would come
/// after the secret was checked. Here there is no path to compare: OpenIddict's own decision is the key.
/// </summary>
internal sealed class TokenRateLimit(TokenRequestLimiter limiter) : IOpenIddictServerHandler<ProcessRequestContext>
{
    /// <summary>Right after OpenIddict infers which of its endpoints the request is for.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessRequestContext>()
            .UseSingletonHandler<TokenRateLimit>()
            .SetOrder(OpenIddictServerHandlers.InferEndpointType.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    /// <inheritdoc/>
    public async ValueTask HandleAsync(ProcessRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Token)
        {
            return;
        }

        var http = context.Transaction.GetHttpRequest()?.HttpContext
            ?? throw new InvalidOperationException("The token endpoint was reached outside ASP.NET Core.");
        using var lease = limiter.Limiter.AttemptAcquire(http);
        if (lease.IsAcquired)
        {
            return;
        }

        await RateLimits.WriteTooManyRequestsAsync(http, lease);
        context.HandleRequest();
    }
}

/// <summary>The token endpoint's partitioned limiter (per client address), one for the process.</summary>
internal sealed class TokenRequestLimiter(IConfiguration configuration) : IDisposable
{
    /// <summary>The limiter, built from <see cref="RateLimitOptions.Token"/>.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; } = RateLimits.TokenLimiter(configuration);

    /// <inheritdoc/>
    public void Dispose() => Limiter.Dispose();
}
