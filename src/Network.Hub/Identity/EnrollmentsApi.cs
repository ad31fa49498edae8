using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Contracts.Enrollment;
using Network.Hub.Problems;
using Network.Hub.Storage;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Network.Hub.Identity;

/// <summary>
/// <c>/api/enrollments</c>: a city's node or a verifier asks to join with its key (anonymous, rate-limited); a network
/// coordinator lists the requests and approves or rejects each.
/// </summary>
public static class EnrollmentsApi
{
    /// <summary>The media type of the signed request: a compact JWS.</summary>
    public const string JoseMediaType = "application/jose";

    /// <summary>Maps the enrollment routes.</summary>
    public static IEndpointRouteBuilder MapEnrollmentsApi(this IEndpointRouteBuilder app)
    {
        var enrollments = app.MapGroup("/api/enrollments").WithTags("Identity");
        enrollments.MapPost("/", SubmitAsync)
            .RequireRateLimiting(RateLimits.EnrollmentPolicy)
            .Accepts<string>(JoseMediaType)
            .WithSummary("Ask to join the network: a node's or a verifier's signed enrollment request (application/jose); a coordinator decides");
        enrollments.MapGet("/", ListAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Enrollment requests, newest first; filters: status (pending, approved, rejected), kind (city, verifier). Coordinators");
        enrollments.MapGet("/{enrollmentId:guid}", GetAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("One enrollment request and its decision. Coordinators");
        enrollments.MapPost("/{enrollmentId:guid}/approve", ApproveAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Approve: registers the city (or verifier) and key, creates its client; the secret is in this answer only. Coordinators");
        enrollments.MapPost("/{enrollmentId:guid}/reject", RejectAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Reject, with a reason (JSON: reason). Coordinators");
        return app;
    }

    /// <summary>Receives a request: 202 with its id, 400 listing what is wrong, 409 when the key is registered already.</summary>
    public static async Task<Results<Accepted<EnrollmentReceipt>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, Enrollments enrollments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), JoseMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return HubProblem.EnrollmentNotJose().ToResult();
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return HubProblem.EnrollmentTooLarge().ToResult();
        }

        var submission = await enrollments.SubmitAsync(body, cancellationToken);
        if (submission.Enrollment is { } enrollment)
        {
            return TypedResults.Accepted($"/api/enrollments/{enrollment.Id}",
                new EnrollmentReceipt(enrollment.Id, enrollment.Kind, enrollment.Status, enrollment.CityId, enrollment.VerifierId, enrollment.KeyId, enrollment.ReceivedAt, submission.Duplicate));
        }

        if (submission.Conflict is { } conflict)
        {
            return HubProblem.KeyRegisteredAlready(conflict).ToResult();
        }

        return HubProblem.InvalidEnrollment(submission.Problems).ToResult();
    }

    /// <summary>The requests, newest first; <paramref name="status"/> and <paramref name="kind"/> (any case) filter.</summary>
    public static async Task<Results<Ok<EnrollmentView[]>, ProblemHttpResult>> ListAsync(string? status, string? kind, Enrollments enrollments, CancellationToken cancellationToken)
    {
        EnrollmentStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<EnrollmentStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return HubProblem.UnknownEnrollmentStatus(status).ToResult();
            }

            filter = parsed;
        }

        EnrollmentKind? kindFilter = null;
        if (!string.IsNullOrEmpty(kind))
        {
            // Letters only: Enum.TryParse takes "1" for the second kind.
            if (!kind.All(char.IsAsciiLetter) || !Enum.TryParse<EnrollmentKind>(kind, ignoreCase: true, out var parsed))
            {
                return HubProblem.UnknownEnrollmentKind(kind).ToResult();
            }

            kindFilter = parsed;
        }

        return TypedResults.Ok((await enrollments.ListAsync(filter, cancellationToken))
            .Where(e => kindFilter is null || e.Kind == kindFilter)
            .Select(EnrollmentView.Of).ToArray());
    }

    /// <summary>One request.</summary>
    public static async Task<Results<Ok<EnrollmentView>, ProblemHttpResult>> GetAsync(Guid enrollmentId, Enrollments enrollments, CancellationToken cancellationToken) =>
        await enrollments.FindAsync(enrollmentId, cancellationToken) is { } enrollment
            ? TypedResults.Ok(EnrollmentView.Of(enrollment))
            : NotFound(enrollmentId);

    /// <summary>Approves a pending request: 200 with the node's (or verifier's) client id and secret (shown this once).</summary>
    public static async Task<Results<Ok<Approval>, ProblemHttpResult>> ApproveAsync(
        Guid enrollmentId, ClaimsPrincipal user, Enrollments enrollments, CancellationToken cancellationToken)
    {
        var decision = await enrollments.ApproveAsync(enrollmentId, Coordinator(user), cancellationToken);
        if (decision is { Enrollment: { } enrollment, Credentials: { } credentials })
        {
            var verifier = enrollment.Kind == EnrollmentKind.Verifier;
            return TypedResults.Ok(new Approval(
                enrollment.Id, enrollment.Kind, enrollment.CityId, enrollment.VerifierId, decision.NewMember && !verifier, decision.NewMember && verifier,
                enrollment.KeyId, credentials.ClientId, credentials.ClientSecret, credentials.Scopes, credentials.Replaced,
                verifier
                    ? $"Give the verifier its credentials (the secret is not shown again); it gets tokens with POST {TokenEndpoint.Path} (grant_type=client_credentials). Assign it to the cities it verifies: POST /api/verifiers/{enrollment.VerifierId}/assignments."
                    : $"Give the node its credentials (the secret is not shown again): network-node credentials --client-id {credentials.ClientId} --client-secret <secret>"));
        }

        return Undecided(enrollmentId, decision);
    }

    /// <summary>Rejects a pending request with a reason.</summary>
    public static async Task<Results<Ok<EnrollmentView>, ProblemHttpResult>> RejectAsync(
        Guid enrollmentId, EnrollmentRejection rejection, ClaimsPrincipal user, Enrollments enrollments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        if (!Enrollments.IsReason(rejection.Reason))
        {
            return HubProblem.RejectionNeedsReason().ToResult();
        }

        var decision = await enrollments.RejectAsync(enrollmentId, rejection.Reason!.Trim(), Coordinator(user), cancellationToken);
        return decision is { Enrollment: { } enrollment, Conflict: null } ? TypedResults.Ok(EnrollmentView.Of(enrollment)) : Undecided(enrollmentId, decision);
    }

    private static string Coordinator(ClaimsPrincipal user) => user.FindFirst(Claims.Subject)?.Value ?? "unknown";

    private static ProblemHttpResult Undecided(Guid enrollmentId, EnrollmentDecision decision) => decision.Enrollment is null
        ? NotFound(enrollmentId)
        : HubProblem.EnrollmentUndecidable(decision.Conflict).ToResult();

    private static ProblemHttpResult NotFound(Guid enrollmentId) =>
        HubProblem.NoSuchEnrollment(enrollmentId).ToResult();

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > EnrollmentRequest.MaxLength)
        {
            return null;
        }

        var buffer = new byte[EnrollmentRequest.MaxLength + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }

        return total > EnrollmentRequest.MaxLength ? null : Encoding.ASCII.GetString(buffer, 0, total).Trim();
    }
}

/// <summary>What the hub answers a node or verifier that asked to join.</summary>
/// <param name="EnrollmentId">The request's id: the coordinator decides on it.</param>
/// <param name="Kind">A city's or a verifier's request.</param>
/// <param name="Status">Pending.</param>
/// <param name="CityId">The city, for a city's request.</param>
/// <param name="VerifierId">The verifier, for a verifier's request.</param>
/// <param name="KeyId">The key's id.</param>
/// <param name="ReceivedAt">When the hub received the request.</param>
/// <param name="Duplicate">Whether the same key's request was pending already (this is it).</param>
public sealed record EnrollmentReceipt(Guid EnrollmentId, EnrollmentKind Kind, EnrollmentStatus Status, string? CityId, string? VerifierId, string KeyId, DateTimeOffset ReceivedAt, bool Duplicate);

/// <summary>An enrollment request as coordinators see it.</summary>
/// <param name="EnrollmentId">Its id.</param>
/// <param name="Kind">A city's or a verifier's request.</param>
/// <param name="Status">Pending, approved or rejected.</param>
/// <param name="CityId">The city, for a city's request.</param>
/// <param name="CityName">The city's name as the node gave it, for a city's request.</param>
/// <param name="VerifierId">The verifier, for a verifier's request.</param>
/// <param name="Organisation">The verifying organisation's name, for a verifier's request.</param>
/// <param name="KeyId">The key's id (RFC 7638 thumbprint).</param>
/// <param name="PublicJwk">The public key.</param>
/// <param name="Contact">Whom to contact to confirm the request.</param>
/// <param name="CreatedAt">When the node wrote it.</param>
/// <param name="ReceivedAt">When the hub received it.</param>
/// <param name="DecidedAt">When a coordinator decided.</param>
/// <param name="DecidedBy">Which coordinator's client decided.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="ClientId">The node's (or verifier's) OAuth client, once approved.</param>
/// <param name="Jws">The signed request as received, for anyone to check again.</param>
public sealed record EnrollmentView(
    Guid EnrollmentId, EnrollmentKind Kind, EnrollmentStatus Status, string? CityId, string? CityName, string? VerifierId, string? Organisation, string KeyId, JsonElement PublicJwk, string? Contact,
    DateTimeOffset CreatedAt, DateTimeOffset ReceivedAt, DateTimeOffset? DecidedAt, string? DecidedBy, string? Reason, string? ClientId, string Jws)
{
    /// <summary>The view of a stored request.</summary>
    public static EnrollmentView Of(EnrollmentRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var jwk = JsonDocument.Parse(e.Jwk);
        return new(e.Id, e.Kind, e.Status, e.CityId, e.CityName, e.VerifierId, e.Organisation, e.KeyId, jwk.RootElement.Clone(), e.Contact, e.CreatedAt, e.ReceivedAt, e.DecidedAt, e.DecidedBy, e.Reason, e.ClientId, e.Jws);
    }
}

/// <summary>An approval: the node's (or verifier's) client, with its secret shown this once.</summary>
/// <param name="EnrollmentId">The request approved.</param>
/// <param name="Kind">A city's or a verifier's request.</param>
/// <param name="CityId">The city, for a city's request.</param>
/// <param name="VerifierId">The verifier, for a verifier's request.</param>
/// <param name="NewCity">Whether the city was registered by this approval (otherwise it was a member already).</param>
/// <param name="NewVerifier">Whether the verifier was registered by this approval (otherwise it was one already).</param>
/// <param name="KeyId">The key registered.</param>
/// <param name="ClientId">The client id: <c>node-NO-5001</c> or <c>verifier-demo-verifier</c>.</param>
/// <param name="ClientSecret">The client secret. The hub keeps only its hash.</param>
/// <param name="Scopes">The scopes the client may ask for.</param>
/// <param name="SecretReplaced">Whether the client existed and this replaced its secret.</param>
/// <param name="Next">What to do with the credentials.</param>
public sealed record Approval(
    Guid EnrollmentId, EnrollmentKind Kind, string? CityId, string? VerifierId, bool NewCity, bool NewVerifier, string KeyId,
    string ClientId, string ClientSecret, IReadOnlyList<string> Scopes, bool SecretReplaced, string Next);

/// <summary>The body of a rejection.</summary>
/// <param name="Reason">Why, in a sentence the node's analyst understands.</param>
public sealed record EnrollmentRejection(string? Reason);
