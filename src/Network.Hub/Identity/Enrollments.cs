using Microsoft.EntityFrameworkCore;
using Network.Contracts.Enrollment;
using Network.Contracts.Signing;
using Network.Hub.Keys;
using Network.Hub.Storage;
using Network.Hub.Verifiers;

namespace Network.Hub.Identity;

/// <summary>
/// Key enrollment: a city's node or a verifier asks to join with its key (a signed <see cref="EnrollmentRequest"/> or
/// <see cref="VerifierEnrollmentRequest"/>, anonymous), a network coordinator approves (the member and key are
/// registered, it gets its OAuth client) or rejects it with a reason.
/// </summary>
public sealed class Enrollments(NetworkDbContext db, KeyRegistry keys, VerifierRegistry verifiers, ClientRegistry clients, TimeProvider time)
{
    /// <summary>
    /// Checks and keeps a request of either kind (told apart by its header's <c>typ</c>). The same key asked again while
    /// its request is pending gets the pending request back; a key already registered, to any member, is not enrolled again.
    /// </summary>
    public async Task<EnrollmentSubmission> SubmitAsync(string jws, CancellationToken ct = default)
    {
        if (VerifierEnrollmentRequest.IsNamedIn(jws))
        {
            var verifierReading = VerifierEnrollmentRequest.Read(jws);
            return verifierReading.Request is { } verifier
                ? await KeepAsync(new EnrollmentRecord
                {
                    Id = Guid.CreateVersion7(time.GetUtcNow()),
                    Kind = EnrollmentKind.Verifier,
                    VerifierId = verifier.VerifierId,
                    Organisation = verifier.Organisation,
                    KeyId = verifier.KeyId,
                    Jwk = verifier.PublicKey.ToJson(),
                    Contact = verifier.Contact,
                    CreatedAt = verifier.CreatedAt,
                    ReceivedAt = time.GetUtcNow(),
                    Jws = jws,
                }, ct)
                : new EnrollmentSubmission(null, verifierReading.Problems, null);
        }

        var reading = EnrollmentRequest.Read(jws);
        return reading.Request is { } city
            ? await KeepAsync(new EnrollmentRecord
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                Kind = EnrollmentKind.City,
                CityId = city.CityId,
                CityName = city.CityName,
                KeyId = city.KeyId,
                Jwk = city.PublicKey.ToJson(),
                Contact = city.Contact,
                CreatedAt = city.CreatedAt,
                ReceivedAt = time.GetUtcNow(),
                Jws = jws,
            }, ct)
            : new EnrollmentSubmission(null, reading.Problems, null);
    }

    /// <summary>The requests, newest first, of one status or all.</summary>
    public Task<List<EnrollmentRecord>> ListAsync(EnrollmentStatus? status, CancellationToken ct = default) =>
        db.Enrollments.AsNoTracking()
            .Where(e => status == null || e.Status == status)
            .OrderByDescending(e => e.ReceivedAt)
            .ToListAsync(ct);

    /// <summary>One request, or <see langword="null"/>.</summary>
    public Task<EnrollmentRecord?> FindAsync(Guid id, CancellationToken ct = default) =>
        db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);

    /// <summary>
    /// Approves a pending request in one transaction: registers the city (or verifier) if it is new (an existing one
    /// keeps its name), registers the key, and creates the node's (or verifier's) OAuth client, or gives it a new secret
    /// (it was set up anew), whose secret is returned this once.
    /// </summary>
    /// <param name="id">The enrollment.</param>
    /// <param name="decidedBy">The coordinator's client id.</param>
    /// <param name="ct">Cancels the work.</param>
    public async Task<EnrollmentDecision> ApproveAsync(Guid id, string decidedBy, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async cancel =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancel);
            var enrollment = await db.Enrollments.FirstOrDefaultAsync(e => e.Id == id, cancel);
            if (enrollment is null || enrollment.Status != EnrollmentStatus.Pending)
            {
                return Undecidable(enrollment);
            }

            if (await KeyOwner.OfAsync(db, enrollment.KeyId, cancel) is { } taken)
            {
                return new EnrollmentDecision(enrollment, $"The key {enrollment.KeyId} was registered to {taken.Description} since this request arrived; reject this request.");
            }

            var (credentials, newMember) = enrollment.Kind == EnrollmentKind.Verifier
                ? await RegisterVerifierAsync(enrollment, cancel)
                : await RegisterCityAsync(enrollment, cancel);
            enrollment.Status = EnrollmentStatus.Approved;
            enrollment.DecidedAt = time.GetUtcNow();
            enrollment.DecidedBy = decidedBy;
            enrollment.ClientId = credentials.ClientId;
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            return new EnrollmentDecision(enrollment, null, credentials, newMember);
        }, ct);
    }

    /// <summary>The longest rejection reason kept.</summary>
    public const int MaxReasonLength = 1000;

    /// <summary>Whether <paramref name="reason"/> may be a rejection's reason: some words, at most <see cref="MaxReasonLength"/> characters.</summary>
    public static bool IsReason(string? reason) => !string.IsNullOrWhiteSpace(reason) && reason.Length <= MaxReasonLength;

    /// <summary>Rejects a pending request with <paramref name="reason"/>; nothing is registered.</summary>
    public async Task<EnrollmentDecision> RejectAsync(Guid id, string reason, string decidedBy, CancellationToken ct = default)
    {
        var enrollment = await db.Enrollments.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (enrollment is null || enrollment.Status != EnrollmentStatus.Pending)
        {
            return Undecidable(enrollment);
        }

        enrollment.Status = EnrollmentStatus.Rejected;
        enrollment.Reason = reason;
        enrollment.DecidedAt = time.GetUtcNow();
        enrollment.DecidedBy = decidedBy;
        await db.SaveChangesAsync(ct);
        return new EnrollmentDecision(enrollment, null);
    }

    private async Task<(ClientCredentials Credentials, bool NewMember)> RegisterCityAsync(EnrollmentRecord enrollment, CancellationToken ct)
    {
        var cityId = enrollment.CityId!;
        var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cityId, ct);
        if (city is null)
        {
            await keys.AddOrUpdateCityAsync(cityId, enrollment.CityName!, ct: ct);
        }

        await keys.RegisterKeyAsync(cityId, EcPublicJwk.Parse(enrollment.Jwk), enrollment.KeyId, ct: ct);
        return (await clients.AddNodeClientAsync(cityId, $"{city?.Name ?? enrollment.CityName}'s node", ct: ct), city is null);
    }

    private async Task<(ClientCredentials Credentials, bool NewMember)> RegisterVerifierAsync(EnrollmentRecord enrollment, CancellationToken ct)
    {
        var verifierId = enrollment.VerifierId!;
        var verifier = await db.Verifiers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == verifierId, ct);
        if (verifier is null)
        {
            await verifiers.AddOrUpdateVerifierAsync(verifierId, enrollment.Organisation!, enrollment.Contact, ct);
        }

        await verifiers.RegisterKeyAsync(verifierId, EcPublicJwk.Parse(enrollment.Jwk), enrollment.KeyId, ct: ct);
        return (await clients.AddVerifierClientAsync(verifierId, verifier?.Name ?? enrollment.Organisation!, ct: ct), verifier is null);
    }

    // A request is kept unless its key is registered already (to any member: key ids are unique across cities and
    // verifiers) or the same key's request is pending, which is answered again.
    private async Task<EnrollmentSubmission> KeepAsync(EnrollmentRecord record, CancellationToken ct)
    {
        if (await KeyOwner.OfAsync(db, record.KeyId, ct) is { } registered)
        {
            return new EnrollmentSubmission(null, [], $"The key {record.KeyId} is already registered to {registered.Description}: there is nothing to enroll. A node or verifier that lost its client secret asks the coordinator for a new one.");
        }

        if (await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.KeyId == record.KeyId && e.Status == EnrollmentStatus.Pending, ct) is { } pending)
        {
            return new EnrollmentSubmission(pending, [], null, Duplicate: true);
        }

        record.Status = EnrollmentStatus.Pending;
        db.Enrollments.Add(record);
        await db.SaveChangesAsync(ct);
        return new EnrollmentSubmission(record, [], null);
    }

    private static EnrollmentDecision Undecidable(EnrollmentRecord? enrollment) => enrollment is null
        ? new EnrollmentDecision(null, null)
        : new EnrollmentDecision(enrollment, $"The request was {enrollment.Status.ToString().ToLowerInvariant()} on {enrollment.DecidedAt:yyyy-MM-dd HH:mm} UTC by {enrollment.DecidedBy}; only a pending request can be decided.");
}

/// <summary>What became of a submitted request: kept (<see cref="Enrollment"/>), refused (<see cref="Problems"/>), or not needed (<see cref="Conflict"/>).</summary>
/// <param name="Enrollment">The kept request (a new one, or the pending one for the same key).</param>
/// <param name="Problems">Why the request is not a valid signed enrollment request.</param>
/// <param name="Conflict">Why a valid request is not taken (the key is registered already).</param>
/// <param name="Duplicate">Whether <paramref name="Enrollment"/> was pending already.</param>
public sealed record EnrollmentSubmission(EnrollmentRecord? Enrollment, IReadOnlyList<EnrollmentProblem> Problems, string? Conflict, bool Duplicate = false);

/// <summary>A coordinator's decision: the request as decided, or why it could not be (<see cref="Conflict"/>); no request at all when <see cref="Enrollment"/> is null.</summary>
/// <param name="Enrollment">The request.</param>
/// <param name="Conflict">Why it could not be decided.</param>
/// <param name="Credentials">The node's (or verifier's) new client credentials, for an approval.</param>
/// <param name="NewMember">Whether the approval registered the city (or verifier); otherwise it was a member already.</param>
public sealed record EnrollmentDecision(EnrollmentRecord? Enrollment, string? Conflict, ClientCredentials? Credentials = null, bool NewMember = false);
