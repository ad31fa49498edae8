using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Storage;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Verification;

/// <summary>
/// Who is calling a verification endpoint, as far as the verifier's work is concerned: the client that sent the
/// request, and whether the token's verifier is assigned to a city now (an assignment not ended).
/// </summary>
internal static class VerifierCaller
{
    /// <summary>The OAuth client that made the request, as thread messages record their author.</summary>
    public static string ClientId(ClaimsPrincipal user) =>
        user.GetClaim(Claims.ClientId) ?? user.GetClaim(Claims.Subject) ?? "unknown";

    /// <summary>Whether <paramref name="verifierId"/> is assigned to <paramref name="cityId"/> now.</summary>
    public static Task<bool> IsAssignedAsync(NetworkDbContext db, string verifierId, string cityId, CancellationToken cancellationToken) =>
        db.VerifierAssignments.AnyAsync(a => a.VerifierId == verifierId && a.CityId == cityId && a.EndedAt == null, cancellationToken);
}
