using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Hub.Identity;
using Network.Hub.Problems;

namespace Network.Hub.Verifiers;

/// <summary><c>GET /api/verification/queue</c>: a verifier's work, for its own token (<see cref="Access.Verify"/> and its <c>verifier</c> claim).</summary>
public static class VerificationQueueApi
{
    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapVerificationQueueApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/verification").WithTags("Verifiers")
            .MapGet("/queue", QueueAsync)
            .RequireAuthorization(Access.Verify)
            .WithSummary("A verifier's queue: its cities' current snapshots, each value with the verdict that counts and open questions; filters: cityId, period. Verifiers");
        return app;
    }

    /// <summary>The calling verifier's queue; 404 when <paramref name="cityId"/> is not one of its cities.</summary>
    public static async Task<Results<Ok<QueueView>, ProblemHttpResult>> QueueAsync(
        string? cityId, int? period, ClaimsPrincipal user, VerificationQueueReader queue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.VerifierId() is not { } verifierId)
        {
            return HubProblem.NotAVerifiersToken(user.FindFirst("sub")?.Value).ToResult();
        }

        return await queue.ForAsync(verifierId, string.IsNullOrEmpty(cityId) ? null : cityId, period, cancellationToken) is { } answer
            ? TypedResults.Ok(answer)
            : HubProblem.NoSuchAssignment(verifierId, cityId!).ToResult();
    }
}
