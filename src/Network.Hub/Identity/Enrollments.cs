using Microsoft.EntityFrameworkCore;
using Network.Contracts.Enrollment;
using Network.Contracts.Signing;
using Network.Hub.Keys;
using Network.Hub.Storage;

namespace Network.Hub.Identity;

/// <summary>
/// Key enrollment: a node asks to join with its key (a signed <see cref="EnrollmentRequest"/>, anonymous), a network
/// coordinator approves (the city and key are registered, the node gets its OAuth client) or rejects it with a reason.
/// </summary>
public sealed class Enrollments(NetworkDbContext db, KeyRegistry keys, ClientRegistry clients, TimeProvider time)
{
    /// <summary>
    /// Checks and keeps a request. The same key asked again while its request is pending gets the pending request back;
    /// a key already registered is not enrolled again.
    /// </summary>
    public async Task<EnrollmentSubmission> SubmitAsync(string jws, CancellationToken ct = default)
    {
        var reading = EnrollmentRequest.Read(jws);
        if (reading.Request is not { } request)
        {
            return new EnrollmentSubmission(null, reading.Problems, null);
        }

        if (await db.CityKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == request.KeyId, ct) is { } registered)
        {
            return new EnrollmentSubmission(null, [], $"The key {request.KeyId} is already registered to {registered.CityId}: there is nothing to enroll. A node that lost its client secret asks the coordinator for a new one.");
        }

        if (await db.Enrollments.AsNoTracking().FirstOrDefaultAsync(e => e.KeyId == request.KeyId && e.Status == EnrollmentStatus.Pending, ct) is { } pending)
        {
            return new EnrollmentSubmission(pending, [], null, Duplicate: true);
        }

        var record = new EnrollmentRecord
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            CityId = request.CityId,
            CityName = request.CityName,
            KeyId = request.KeyId,
            Jwk = request.PublicKey.ToJson(),
            Contact = request.Contact,
            CreatedAt = request.CreatedAt,
            ReceivedAt = time.GetUtcNow(),
            Jws = jws,
            Status = EnrollmentStatus.Pending,
        };
        db.Enrollments.Add(record);
        await db.SaveChangesAsync(ct);
        return new EnrollmentSubmission(record, [], null);
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
    /// Approves a pending request in one transaction: registers the city if it is new (an existing city keeps its
    /// name), registers the key, and creates the node's OAuth client (or gives it a new secret: the node was set up
    /// anew), whose secret is returned this once.
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

            if (await db.CityKeys.AsNoTracking().FirstOrDefaultAsync(k => k.KeyId == enrollment.KeyId, cancel) is { } taken)
            {
                return new EnrollmentDecision(enrollment, $"The key {enrollment.KeyId} was registered to {taken.CityId} since this request arrived; reject this request.");
            }

            var city = await db.Cities.AsNoTracking().FirstOrDefaultAsync(c => c.Id == enrollment.CityId, cancel);
            var cityName = city?.Name ?? enrollment.CityName;
            if (city is null)
            {
                await keys.AddOrUpdateCityAsync(enrollment.CityId, enrollment.CityName, ct: cancel);
            }

            await keys.RegisterKeyAsync(enrollment.CityId, EcPublicJwk.Parse(enrollment.Jwk), enrollment.KeyId, ct: cancel);
            var credentials = await clients.AddNodeClientAsync(enrollment.CityId, $"{cityName}'s node", ct: cancel);
            enrollment.Status = EnrollmentStatus.Approved;
            enrollment.DecidedAt = time.GetUtcNow();
            enrollment.DecidedBy = decidedBy;
            enrollment.ClientId = credentials.ClientId;
            await db.SaveChangesAsync(cancel);
            await transaction.CommitAsync(cancel);
            return new EnrollmentDecision(enrollment, null, credentials, NewCity: city is null);
        }, ct);
    }

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
/// <param name="Credentials">The node's new client credentials, for an approval.</param>
/// <param name="NewCity">Whether the approval registered the city.</param>
public sealed record EnrollmentDecision(EnrollmentRecord? Enrollment, string? Conflict, ClientCredentials? Credentials = null, bool NewCity = false);
