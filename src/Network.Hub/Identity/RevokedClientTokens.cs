using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace Network.Hub.Identity;

/// <summary>
/// Refuses an access token whose client was removed, or whose stamp (<see cref="NetworkClaims.ClientStamp"/>, copied
/// from the client when the token was issued) is no longer the client's: its secret was replaced, its tokens were
/// revoked, or its city's key was revoked since. Runs after OpenIddict validated the token's signature, lifetime and
/// audience, against <see cref="ClientTokenStamps"/>, so a request costs a dictionary look-up, not a database read.
/// </summary>
internal sealed class RevokedClientTokens(ClientTokenStamps stamps) : IOpenIddictValidationHandler<ProcessAuthenticationContext>
{
    /// <summary>Right after OpenIddict validated the access token.</summary>
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } =
        OpenIddictValidationHandlerDescriptor.CreateBuilder<ProcessAuthenticationContext>()
            .UseSingletonHandler<RevokedClientTokens>()
            .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 500)
            .SetType(OpenIddictValidationHandlerType.Custom)
            .Build();

    /// <inheritdoc/>
    public async ValueTask HandleAsync(ProcessAuthenticationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.AccessTokenPrincipal is not { } principal
            || (principal.GetClaim(Claims.ClientId) ?? principal.GetClaim(Claims.Subject)) is not { Length: > 0 } clientId)
        {
            return;
        }

        var client = await stamps.GetAsync(clientId, context.CancellationToken);
        if (!client.Exists)
        {
            context.Reject(Errors.InvalidToken, $"the client '{clientId}' was removed, and its tokens with it");
        }
        else if (!string.Equals(principal.GetClaim(NetworkClaims.ClientStamp), client.Stamp, StringComparison.Ordinal))
        {
            context.Reject(Errors.InvalidToken,
                $"the tokens '{clientId}' was given before its last change were revoked (a new secret, its city's key revoked, or its tokens revoked)");
        }
    }
}
