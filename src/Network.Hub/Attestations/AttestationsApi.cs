using System.Buffers.Text;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Messages;
using Network.Contracts.Verification;
using Network.Hub.Identity;
using Network.Hub.Ingestion;
using Network.Hub.Problems;
using Network.Hub.Storage;

namespace Network.Hub.Attestations;

/// <summary>
/// The HTTP door for verifiers: <c>POST /api/attestations</c> with the compact JWS as an <c>application/jose</c> body and
/// a verifier's access token (scope <c>snapshots:verify</c>, for the verifier the attestation names). It enters the same
/// <see cref="AttestationIngestion"/> as the bus door. And the reading side: <c>GET /api/snapshots/{id}/attestations</c>,
/// every attestation on a snapshot, public where the snapshot is.
/// </summary>
public static class AttestationsApi
{
    /// <summary>The most attestations one read returns, newest first (each may carry up to 2,000 verdicts).</summary>
    public const int MaxListed = 50;

    /// <summary>Maps the attestation routes.</summary>
    public static IEndpointRouteBuilder MapAttestationsApi(this IEndpointRouteBuilder app)
    {
        // A group, like the other features' routes, so the start-up banner lists them in mapping order.
        var api = app.MapGroup("/api").WithTags("Attestations");
        api.MapPost("/attestations", SubmitAsync)
            .RequireAuthorization(Access.Verify)
            .Accepts<string>(SnapshotsApi.JoseMediaType)
            .WithSummary("Submit a verifier's signed attestation: compact JWS (ES256, typ u4ssc-attestation+jws) as application/jose");
        api.MapGet("/snapshots/{snapshotId:guid}/attestations", ListAsync)
            .WithSummary("Every attestation on a snapshot, newest first, with its JWS and verdicts");
        return app;
    }

    /// <summary>
    /// Submits an attestation: 202 with the receipt, or ProblemDetails listing every reason; 403 before any verification
    /// when the attestation names another verifier than the token's (a verifier submits its own attestations only).
    /// </summary>
    public static async Task<Results<Accepted<AttestationAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, AttestationIngestion ingestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), SnapshotsApi.JoseMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return HubProblem.AttestationNotJose(request.ContentType).ToResult();
        }

        var body = await SnapshotsApi.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return HubProblem.AttestationTooLarge().ToResult();
        }

        // The token's verifier against the verifier the payload claims, read without verifying anything: the signature
        // proves who signed, the token who sends. A payload that cannot be read goes on to the verifier, which says why.
        var tokenVerifier = user.VerifierId();
        var claimed = ClaimedVerifier(body);
        if (tokenVerifier is null || (claimed is not null && claimed != tokenVerifier))
        {
            return HubProblem.NotTheTokensVerifier(tokenVerifier, Rejections.NotTheSendersVerifier(tokenVerifier, claimed)).ToResult();
        }

        var outcome = await ingestion.IngestAsync(new AttestationSubmission(body, SubmissionDoor.Http, tokenVerifier), cancellationToken);
        if (outcome.Accepted is { } receipt)
        {
            return TypedResults.Accepted($"/api/snapshots/{receipt.SnapshotId}/attestations", receipt);
        }

        return HubProblem.AttestationRejected(outcome.Rejected!).ToResult();
    }

    /// <summary>
    /// Every attestation on a snapshot this reader may see (the newest <see cref="MaxListed"/>), newest first by issue
    /// time, then by arrival. An embargoed snapshot's attestations are embargoed with it: to a public reader the
    /// snapshot does not exist (404).
    /// </summary>
    public static async Task<Results<Ok<AttestationView[]>, ProblemHttpResult>> ListAsync(
        Guid snapshotId, NetworkDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Snapshots.AnyAsync(s => s.SnapshotId == snapshotId, cancellationToken))
        {
            return HubProblem.NoSuchSnapshot(snapshotId).ToResult();
        }

        var attestations = await db.Attestations.AsNoTracking()
            .Where(a => a.SnapshotId == snapshotId)
            .OrderByDescending(a => a.IssuedAt).ThenByDescending(a => a.ReceivedAt).ThenByDescending(a => a.AttestationId)
            .Take(MaxListed)
            .Select(a => new
            {
                a.AttestationId,
                a.VerifierId,
                VerifierName = db.Verifiers.Where(v => v.Id == a.VerifierId).Select(v => v.Name).FirstOrDefault(),
                a.KeyId,
                a.Digest,
                a.Jws,
                a.Method,
                a.ReportReference,
                a.IssuedAt,
                a.ReceivedAt,
                Verdicts = a.Verdicts.OrderBy(v => v.Id).Select(v => new { v.KpiCode, v.DataPoint, v.Value, v.Unit, v.Outcome, v.Reason }).ToList(),
            })
            .ToListAsync(cancellationToken);

        // Newest first, so each one's successor by the same verifier is the nearest earlier entry of that verifier.
        var newer = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var views = new AttestationView[attestations.Count];
        for (var i = 0; i < attestations.Count; i++)
        {
            var a = attestations[i];
            views[i] = new AttestationView(
                a.AttestationId, a.VerifierId, a.VerifierName ?? a.VerifierId, a.KeyId, a.Digest, a.Jws, a.Method, a.ReportReference,
                a.IssuedAt, a.ReceivedAt, newer.TryGetValue(a.VerifierId, out var successor) ? successor : null,
                a.Verdicts.Select(v => new VerdictView(v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit, AttestationFormat.WireName(v.Outcome), v.Reason)).ToArray());
            newer[a.VerifierId] = a.AttestationId;
        }

        return TypedResults.Ok(views);
    }

    /// <summary>The HTTP status for a refusal: 409 for a conflict with a stored attestation, else 400.</summary>
    public static int StatusFor(IReadOnlyList<Rejection> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        return reasons.Any(r => r.Reason == RejectionReason.AttestationConflict) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
    }

    private static string? ClaimedVerifier(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty(AttestationJson.Members.VerifierId, out var verifier) && verifier.ValueKind == JsonValueKind.String
                ? verifier.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
