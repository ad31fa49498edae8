using System.Buffers.Text;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Disclosures;
using Network.Contracts.Messages;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Hub.Embargo;
using Network.Hub.Identity;
using Network.Hub.Problems;
using Network.Hub.Storage;

namespace Network.Hub.Ingestion;

/// <summary>
/// The HTTP door for cities without a broker connection: <c>POST /api/snapshots</c> with the compact JWS as
/// an <c>application/jose</c> body and a node's access token (scope <c>snapshots:publish</c>, for the city the
/// snapshot names). It enters the same <see cref="SnapshotIngestion"/> as the bus door.
/// </summary>
public static class SnapshotsApi
{
    /// <summary>The media type of a compact JWS (RFC 7515 §9.2.1).</summary>
    public const string JoseMediaType = "application/jose";

    /// <summary>
    /// The media type of an SD-JWT (RFC 9901 §11.2.1): a format-2 snapshot with the disclosures of its notes,
    /// <c>jws~disclosure~…~</c>. Either media type takes either form; the body decides.
    /// </summary>
    public const string SdJwtMediaType = "application/sd-jwt";

    /// <summary>The largest body accepted: a 1 MiB payload in base64url, plus header and signature.</summary>
    public const int MaxBodyBytes = 1_500_000;

    /// <summary>Maps the snapshot routes.</summary>
    public static IEndpointRouteBuilder MapSnapshotsApi(this IEndpointRouteBuilder app)
    {
        var snapshots = app.MapGroup("/api/snapshots").WithTags("Snapshots");
        snapshots.MapPost("/", SubmitAsync)
            .RequireAuthorization(Access.Publish)
            .Accepts<string>(JoseMediaType, SdJwtMediaType)
            .WithSummary("Submit a signed KPI snapshot: compact JWS (ES256) as application/jose, or with its notes' disclosures as application/sd-jwt");
        snapshots.MapGet("/{snapshotId:guid}", GetAsync)
            .WithSummary("An accepted snapshot's receipt and the JWS exactly as received");
        return app;
    }

    /// <summary>
    /// Submits a snapshot: 202 with the receipt, or ProblemDetails listing every reason; 403 before any verification
    /// when the snapshot names a city other than the token's (a node publishes for its own city only).
    /// </summary>
    public static async Task<Results<Accepted<SnapshotAccepted>, ProblemHttpResult>> SubmitAsync(
        HttpRequest request, ClaimsPrincipal user, SnapshotIngestion ingestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        var mediaType = request.ContentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, JoseMediaType, StringComparison.OrdinalIgnoreCase) && !string.Equals(mediaType, SdJwtMediaType, StringComparison.OrdinalIgnoreCase))
        {
            return HubProblem.SnapshotNotJose(request.ContentType).ToResult();
        }

        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return HubProblem.SnapshotTooLarge().ToResult();
        }

        if (NotTheTokensCity(user, body) is { } refusal)
        {
            return refusal;
        }

        var outcome = await ingestion.IngestAsync(new Submission(body, SubmissionDoor.Http), cancellationToken);
        if (outcome.Accepted is { } receipt)
        {
            return TypedResults.Accepted($"/api/snapshots/{receipt.SnapshotId}", receipt);
        }

        return HubProblem.SnapshotRejected(outcome.Rejected!).ToResult();
    }

    /// <summary>A stored snapshot's receipt and, for readers inside the network, its JWS.</summary>
    public static async Task<Results<Ok<StoredSnapshotView>, ProblemHttpResult>> GetAsync(
        Guid snapshotId, NetworkDbContext db, CancellationToken cancellationToken)
    {
        // A format-1 JWS with notes carries them, and they stay inside the network: a public reader gets its digest.
        // Every other JWS (format 2, whose notes are disclosures, or one without notes) goes to anyone who may read
        // the snapshot; the disclosures go to members.
        var member = db.SeesNetworkData;
        var stored = await db.Snapshots.AsNoTracking()
            .Where(s => s.SnapshotId == snapshotId)
            .Select(s => new
            {
                View = new StoredSnapshotView(s.SnapshotId, s.CityId, s.Period, s.Status, s.Supersedes, s.IssuedAt, s.ReceivedAt, s.KeyId, s.Digest, s.Values.Count, MembersOnly.Jws(s, member), null, "", null, Array.Empty<StoredValueView>()),
                Disclosures = MembersOnly.Disclosures(s, member),
                KeyRevokedAt = db.CityKeys.Where(k => k.KeyId == s.KeyId).Select(k => k.RevokedAt).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (stored is null)
        {
            return HubProblem.NoSuchSnapshot(snapshotId).ToResult();
        }

        var values = await db.KpiValues.Where(v => v.SnapshotId == snapshotId).WithVerdicts(db).OrderBy(x => x.Value.Id).AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(stored.View with
        {
            KeyRevokedAt = stored.KeyRevokedAt,
            Signature = SignatureNote(stored.View, stored.KeyRevokedAt),
            Disclosures = stored.Disclosures is { } held ? SelectiveDisclosure.Split(held.Insert(0, "~")).Disclosures : member ? [] : null,
            Values = [.. values.Select(StoredValueView.Of)],
        });
    }

    // The verifier judged the key when the snapshot arrived; a later revocation does not undo that acceptance (the key was
    // the city's when it signed), but a reader should know: the key may have been in other hands since.
    private static string SignatureNote(StoredSnapshotView view, DateTimeOffset? revokedAt) => revokedAt is { } at
        ? string.Create(CultureInfo.InvariantCulture, $"Signed with key {view.KeyId}, which was revoked on {at:yyyy-MM-dd HH:mm} UTC, after the hub accepted this snapshot on {view.ReceivedAt:yyyy-MM-dd HH:mm} UTC; the snapshot stays valid, and its JWS can be verified again with the key.")
        : string.Create(CultureInfo.InvariantCulture, $"Signed with key {view.KeyId}, registered to {view.CityId} and not revoked.");

    /// <summary>
    /// The HTTP status for a refusal: 409 for a conflict with what is stored, 422 when the snapshot is
    /// genuine but its content breaks the rules, 400 when it is not a valid signed snapshot at all.
    /// </summary>
    public static int StatusFor(IReadOnlyList<Rejection> reasons)
    {
        if (reasons.Any(r => r.Reason == RejectionReason.SnapshotConflict))
        {
            return StatusCodes.Status409Conflict;
        }

        return reasons.All(r => IsContentReason(r.Reason)) ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status400BadRequest;
    }

    private static bool IsContentReason(RejectionReason reason) =>
        reason is >= RejectionReason.NotAFiniteNumber and <= RejectionReason.IssuedInFuture
            or RejectionReason.SupersededSnapshotNotFound
            or RejectionReason.InvalidField;

    // The token's city against the city the payload claims, read without verifying anything: the signature proves
    // who signed, the token who sends, and a node may send only its own city's snapshots, whoever signed them. A
    // payload that cannot be read goes on to the verifier, which refuses it with the reason.
    private static ProblemHttpResult? NotTheTokensCity(ClaimsPrincipal user, string jws)
    {
        var tokenCity = user.CityId();
        var claimed = ClaimedCity(jws);
        if (tokenCity is not null && (claimed is null || claimed == tokenCity))
        {
            return null;
        }

        var message = tokenCity is null
            ? $"The access token belongs to '{user.FindFirst("sub")?.Value}', which is no city's node: only a node's token, which names its city, may publish snapshots."
            : $"The snapshot is for {claimed}, but this access token is {tokenCity}'s: a node publishes snapshots for its own city only.";
        return HubProblem.NotTheTokensCity(tokenCity, message).ToResult();
    }

    private static string? ClaimedCity(string jws)
    {
        var parts = SelectiveDisclosure.JwsOf(jws).Split('.');
        if (parts.Length != 3 || !Base64Url.IsValid(parts[1]))
        {
            return null;
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return payload.RootElement.ValueKind == JsonValueKind.Object
                && payload.RootElement.TryGetProperty("cityId", out var city) && city.ValueKind == JsonValueKind.String
                ? city.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Reads at most MaxBodyBytes; null when the body is larger. Kestrel enforces a limit too, but the test
    // server and other hosts do not, and the limit belongs to this door.
    internal static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[MaxBodyBytes + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(total), ct)) > 0)
        {
            total += read;
        }

        // Nothing is trimmed (contracts/README.md §3): the body is the JWS exactly as sent, so the digest in the
        // receipt or refusal is the digest of what the node sent, and a file's final newline is refused by the
        // verifier in words that say so, as it is on the bus.
        return total > MaxBodyBytes ? null : Encoding.ASCII.GetString(buffer, 0, total);
    }
}

/// <summary>One rejection reason as the HTTP API shows it.</summary>
/// <param name="Reason">The reason's name, e.g. <c>WrongUnit</c>.</param>
/// <param name="Code">The reason's stable number.</param>
/// <param name="Field">The field: a JSONPath into the payload, or <c>header.alg</c>, <c>signature</c>, ...</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record RejectionView(string Reason, int Code, string Field, string Message);

/// <summary>An accepted snapshot as <c>GET /api/snapshots/{id}</c> shows it.</summary>
/// <param name="SnapshotId">The id.</param>
/// <param name="CityId">The city.</param>
/// <param name="Period">The period.</param>
/// <param name="Status">The status.</param>
/// <param name="Supersedes">The superseded snapshot, for a correction.</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="ReceivedAt">When the hub stored it.</param>
/// <param name="KeyId">The signing key.</param>
/// <param name="Digest">The snapshot digest.</param>
/// <param name="ValueCount">How many values it holds.</param>
/// <param name="Jws">The compact JWS as received (without disclosures): for every reader when it holds no note in the clear
/// (format 2, or format 1 without notes); null for a reader outside the network when it does (the digest still identifies it).</param>
/// <param name="KeyRevokedAt">When the signing key was revoked, if it was: after the hub accepted the snapshot, which stays valid.</param>
/// <param name="Signature">The signing key's standing in words, e.g. "Signed with key …, which was revoked on …".</param>
/// <param name="Disclosures">For members, the disclosures of a format-2 snapshot's notes as the city sent them (empty when it
/// had none); null for a reader outside the network. Each one's digest is in a value's <c>_sd</c> (contracts/README.md §4).</param>
/// <param name="Values">Its values in the order signed, each with its current verdict (the city's notes stay with members).</param>
public sealed record StoredSnapshotView(
    Guid SnapshotId, string CityId, int Period, SnapshotStatus Status, Guid? Supersedes,
    DateTimeOffset IssuedAt, DateTimeOffset ReceivedAt, string KeyId, string Digest, int ValueCount, string? Jws,
    DateTimeOffset? KeyRevokedAt, string Signature, IReadOnlyList<string>? Disclosures, IReadOnlyList<StoredValueView> Values);
