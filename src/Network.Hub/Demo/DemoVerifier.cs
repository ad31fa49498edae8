using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Contracts.Attestations;
using Network.Contracts.Messages;
using Network.Hub.Embargo;
using Network.Hub.Storage;
using Network.Hub.Verifiers;

namespace Network.Hub.Demo;

/// <summary>
/// The demo network's verifier: a stand-in organisation, named as such, that attests Trondheim's published values the
/// U4SSC way on start-up, so <c>verified</c> is true and false on the demo for real reasons. It verifies every value but
/// one, about which it asks Trondheim a question (the R&amp;D expenditure, reported as a share of GDP: the city's or the
/// region's?), and signs with its own key through the real attestation door on the bus. A restart attests nothing anew.
/// </summary>
internal sealed class DemoVerifier(IServiceProvider services, IBus bus, IOptions<DemoOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<DemoVerifier> logger)
{
    /// <summary>The demo verifier's id.</summary>
    public const string VerifierId = "demo-verifier";

    /// <summary>Its name: it says that it is no accredited verifier.</summary>
    public const string Name = "Demo Verifier (not an accredited U4SSC verifier)";

    /// <summary>The city it attests.</summary>
    public const string CityId = "NO-5001";

    /// <summary>The value it leaves with an open question.</summary>
    public const string QuestionedKpi = "EC-P-IN-1C";

    /// <summary>The question it asks about <see cref="QuestionedKpi"/>.</summary>
    public const string Question =
        "The profile reports R&D expenditure as 4.6 % of GDP. U4SSC asks for the city's own expenditure as a share of the city's GDP: is 4.6 % Trondheim's, or Trøndelag's?";

    /// <summary>Registers the verifier, assigns it to Trondheim, and attests <paramref name="snapshotId"/>; says what it did in words.</summary>
    public async Task<string> AttestAsync(Guid snapshotId, CancellationToken ct)
    {
        using var keys = await DemoKeys.LoadOrCreateAsync(Path.Combine(environment.ContentRootPath, options.Value.KeyDirectory), VerifierId, ct);
        await using var scope = services.CreateNetworkScope();
        var registry = scope.ServiceProvider.GetRequiredService<VerifierRegistry>();
        await registry.AddOrUpdateVerifierAsync(VerifierId, Name, ct: ct);
        if (await scope.ServiceProvider.GetRequiredService<NetworkDbContext>().VerifierKeys.AnyAsync(k => k.KeyId == keys.KeyId, ct) is false)
        {
            // Valid from before this run: an attestation's issuedAt is written in whole seconds and must not fall before it.
            await registry.RegisterKeyAsync(VerifierId, keys.PublicJwk, keys.KeyId, validFrom: KeyValidFrom, ct: ct);
        }

        await registry.AssignAsync(VerifierId, CityId, "demo", ct);

        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        if (await db.Attestations.AnyAsync(a => a.SnapshotId == snapshotId && a.VerifierId == VerifierId, ct))
        {
            return $"{Name} attested Trondheim's snapshot before: kept";
        }

        var snapshot = await db.Snapshots.AsNoTracking().Where(s => s.SnapshotId == snapshotId)
            .Select(s => new { s.Digest, s.Period, s.CityId }).SingleAsync(ct);
        var values = await db.KpiValues.AsNoTracking().Where(v => v.SnapshotId == snapshotId).OrderBy(v => v.Id).ToListAsync(ct);
        var verdicts = values.Select(v => new Verdict(
                v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit,
                v.KpiCode == QuestionedKpi ? VerdictOutcome.Question : VerdictOutcome.Verified))
            .ToList();
        var attestation = new Attestation(
            NameBasedId.Of($"demo-attestation|{snapshot.Digest}"), VerifierId, snapshot.Digest, snapshotId, snapshot.CityId, snapshot.Period,
            "U4SSC KPI verification (demo: the values are those of the U4SSC Verification Report - Trondheim, September 2020)",
            "U4SSC Verification Report - Trondheim (Sept 2020)",
            time.GetUtcNow(),
            verdicts);

        var answer = await SubmitAsync(new AttestationSigner(keys.Key, keys.KeyId).Sign(attestation), attestation.AttestationId, ct);
        if (answer is not null)
        {
            return $"{Name}: the attestation was refused: {answer}";
        }

        if (verdicts.Any(v => v.Outcome == VerdictOutcome.Question))
        {
            db.ThreadMessages.Add(new ThreadMessageRecord
            {
                Id = Guid.CreateVersion7(time.GetUtcNow()),
                CityId = snapshot.CityId,
                Period = snapshot.Period,
                KpiCode = QuestionedKpi,
                DataPoint = StoredDataPoint.Write(null),
                SnapshotId = snapshotId,
                VerifierId = VerifierId,
                Author = ThreadAuthor.Verifier,
                AuthorClientId = "demo",
                Text = Question,
                PostedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }

        logger.LogInformation("The demo verifier attested snapshot {Snapshot}: {Verified} values verified, {Open} with a question", snapshotId,
            verdicts.Count(v => v.Outcome == VerdictOutcome.Verified), verdicts.Count(v => v.Outcome == VerdictOutcome.Question));
        return $"{Name} attested Trondheim: {verdicts.Count(v => v.Outcome == VerdictOutcome.Verified)} values verified, " +
               $"{verdicts.Count(v => v.Outcome == VerdictOutcome.Question)} with an open question ({QuestionedKpi})";
    }

    // The demo key's validity starts with the year whose values it attests.
    private static readonly DateTimeOffset KeyValidFrom = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Sends the attestation over the bus, as a verifier's tool does, and waits for the hub's answer: null when accepted.
    private async Task<string?> SubmitAsync(string jws, Guid attestationId, CancellationToken ct)
    {
        var answered = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = bus.ConnectReceiveEndpoint("demo-verifier-answers", e =>
        {
            e.Handler<AttestationAccepted>(c =>
            {
                if (c.Message.AttestationId == attestationId)
                {
                    answered.TrySetResult(null);
                }

                return Task.CompletedTask;
            });
            e.Handler<AttestationRejected>(c =>
            {
                if (c.Message.AttestationId == attestationId)
                {
                    answered.TrySetResult(string.Join("; ", c.Message.Reasons));
                }

                return Task.CompletedTask;
            });
        });
        await handle.Ready;
        try
        {
            await bus.Publish(new AttestationSubmitted(jws, VerifierId), ct);
            var done = await Task.WhenAny(answered.Task, Task.Delay(TimeSpan.FromSeconds(30), ct));
            return done == answered.Task ? await answered.Task : "no answer within 30 s";
        }
        finally
        {
            await handle.StopAsync(ct);
        }
    }
}
