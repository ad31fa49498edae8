using System.Net;
using System.Text.Json;
using Network.Contracts.Attestations;
using Network.ValueFiles;

namespace Network.Node.Workspace.Verification;

/// <summary>
/// A verifier's work with the hub: fetch a snapshot's verdict sheet, and turn the filled sheet into an attestation
/// signed with the verifier's key (kept by the workspace as a city node keeps its key), sent to
/// <c>POST /api/attestations</c>, and its questions posted to the city's threads.
/// </summary>
/// <param name="verifier">The verifier's workspace (its settings name the verifier and its signing key).</param>
/// <param name="hub">The hub, with the verifier's credentials.</param>
public sealed class VerifierDesk(NodeWorkspace verifier, HubSession hub)
{
    /// <summary>The verdict sheet of <paramref name="snapshotId"/> in <paramref name="format"/> (<c>csv</c> or <c>xlsx</c>).</summary>
    /// <returns>The file's bytes, or why the hub gave none.</returns>
    /// <exception cref="HubCallException">The hub could not be asked.</exception>
    public async Task<(byte[]? Sheet, string? Failure)> SheetAsync(Guid snapshotId, string format, CancellationToken ct)
    {
        var reply = await hub.GetAsync($"/api/verification/snapshots/{snapshotId}/sheet?format={Uri.EscapeDataString(format)}", ct);
        return reply.Status == HttpStatusCode.OK ? (reply.Bytes, null) : (null, reply.Describe());
    }

    /// <summary>
    /// Reads the filled sheet at <paramref name="sheetPath"/> against the snapshot as the hub holds it (its sheet fetched
    /// again), signs the verdicts as an attestation, sends it, and on acceptance posts the sheet's questions.
    /// </summary>
    /// <exception cref="HubCallException">The hub could not be asked.</exception>
    public async Task<AttestOutcome> AttestAsync(string sheetPath, string method, string? reportReference, CancellationToken ct)
    {
        var verifierId = verifier.Settings.VerifierId
            ?? throw new NodeSetupException("This workspace is a city's node, not a verifier's: set up a verifier with `verifier init`.");
        var claimed = VerdictSheet.ReadSnapshot(sheetPath);
        if (!claimed.Success)
        {
            return new AttestOutcome { SheetErrors = claimed.Failures };
        }

        // The sheet is judged against the snapshot the hub holds, not against what the file says of it.
        var (pristine, failure) = await SheetAsync(claimed.Value.SnapshotId, "csv", ct);
        if (pristine is null)
        {
            return new AttestOutcome { Failure = failure };
        }

        var reference = VerdictSheet.ReadSnapshotCsv(new MemoryStream(pristine), "the hub's sheet");
        if (!reference.Success)
        {
            return new AttestOutcome { Failure = "the hub's sheet could not be read: " + string.Join("; ", reference.Failures) };
        }

        var filled = VerdictSheet.Read(sheetPath, reference.Value);
        if (!filled.Success)
        {
            return new AttestOutcome { SheetErrors = filled.Failures, Snapshot = reference.Value };
        }

        var snapshot = reference.Value;
        var attestation = new Attestation(Guid.NewGuid(), verifierId, snapshot.Digest, snapshot.SnapshotId, snapshot.CityId, snapshot.Period,
            method, reportReference, verifier.Time.GetUtcNow(), filled.Value.Verdicts);
        string jws;
        using (var key = verifier.Keys.Load(verifier.Settings.ActiveKeyId))
        {
            jws = new AttestationSigner(key.Key, key.KeyId).Sign(attestation);
        }

        var outcome = new AttestOutcome { Snapshot = snapshot, Jws = jws, AttestationId = attestation.AttestationId, Verdicts = attestation.Verdicts.Count };
        var reply = await hub.PostJoseAsync("/api/attestations", jws, ct);
        if (reply.Status != HttpStatusCode.Accepted)
        {
            var problem = reply.Json();
            var reasons = problem is { ValueKind: JsonValueKind.Object } p ? HubReply.Errors(p).Select(e => $"{e.Field}: {e.Message}").ToList() : [];
            return reasons.Count > 0 && reply.Status is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.Conflict or HttpStatusCode.UnprocessableEntity
                ? outcome with { Rejections = reasons }
                : outcome with { Failure = reply.Describe() };
        }

        var duplicate = reply.Json() is { ValueKind: JsonValueKind.Object } accepted && accepted.TryGetProperty("duplicate", out var d) && d.ValueKind == JsonValueKind.True;
        var asked = new List<SheetQuestion>();
        var failures = new List<string>();
        foreach (var question in filled.Value.Questions)
        {
            var posted = await hub.PostJsonAsync("/api/verification/questions",
                new { snapshotId = snapshot.SnapshotId, kpi = question.Kpi, dataPoint = question.DataPoint, text = question.Text }, ct);
            if (posted.Status == HttpStatusCode.Created)
            {
                asked.Add(question);
            }
            else
            {
                failures.Add($"{QuestionDesk.Describe(question.Kpi, question.DataPoint)}: {posted.Describe()}");
            }
        }

        return outcome with { Accepted = true, Duplicate = duplicate, QuestionsAsked = asked, QuestionFailures = failures };
    }
}
