using System.Text.Json;
using Network.Contracts.Catalogue;
using Network.Contracts.Disclosures;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// Verifies a signed snapshot strictly: ES256 only, a registered <c>kid</c> owned by the payload's city and
/// valid now, a signature over the exact bytes received, and content that passes <see cref="SnapshotRules"/>.
/// It never throws on bad input: every problem comes back as a <see cref="Rejection"/>, all of them at once.
/// Safe to use from several threads at once when its <see cref="ICityKeyDirectory"/> is.
/// </summary>
public sealed class SnapshotVerifier : IDisposable
{
    private const string StatusPath = "$." + SnapshotJson.Fields.Status;
    private const string SupersedesPath = "$." + SnapshotJson.Fields.Supersedes;

    private readonly SignatureCheck _signatures = new();
    private readonly ICityKeyDirectory _keys;
    private readonly SnapshotRules _rules;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="keys">The key registry to look <c>kid</c>s up in.</param>
    /// <param name="catalogue">The catalogue values are checked against.</param>
    /// <param name="time">The clock for key validity, periods and issue times.</param>
    public SnapshotVerifier(ICityKeyDirectory keys, KpiCatalogue catalogue, TimeProvider time)
    {
        _keys = keys;
        _time = time;
        _rules = new SnapshotRules(catalogue, time);
    }

    /// <summary>
    /// Verifies a submission as received (whitespace around it is not trimmed: it is part of what was signed): a compact
    /// JWS, or a format-2 snapshot in the SD-JWT form <c>jws~disclosure~…~</c>, whose disclosures must each match a
    /// value's <c>_sd</c> digest and together cover every one. The accepted snapshot carries the disclosed notes.
    /// </summary>
    public async ValueTask<VerificationResult> VerifyAsync(string compactJws, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compactJws);
        // A format-2 submission carries its disclosures after the JWS (SD-JWT: jws~disclosure~…~); the envelope rules
        // apply to the JWS alone, and the digest names the JWS alone.
        var submission = compactJws;
        (compactJws, var disclosures, var keyBinding) = SelectiveDisclosure.Split(submission);
        if (JwsEnvelope.Split(compactJws, out var refusal) is not { } parts)
        {
            return VerificationResult.Refuse([refusal!]);
        }

        var problems = new List<Rejection>();
        var header = JwsEnvelope.ReadHeader(parts[0], SnapshotFormat.TokenType, Rejections.WrongTokenType, problems);
        var (snapshot, payloadReadable) = ReadPayload(parts[1], disclosures, keyBinding, problems);
        var signature = JwsEnvelope.Decode(parts[2], "signature", problems);

        if (header.KeyId is { } kid && header.AlgorithmOk && signature is not null)
        {
            await CheckKeyAndSignatureAsync(kid, compactJws, parts, signature, snapshot, payloadReadable, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return VerificationResult.Refuse(problems, snapshot);
        }

        return VerificationResult.Accept(new VerifiedSnapshot(snapshot!, header.KeyId!, compactJws, SnapshotFormat.Digest(compactJws), disclosures));
    }

    private async ValueTask CheckKeyAndSignatureAsync(
        string kid, string compactJws, string[] parts, byte[] signature, Snapshot? snapshot, bool payloadReadable, List<Rejection> problems, CancellationToken ct)
    {
        var key = await _keys.FindAsync(kid, ct);
        if (key is null)
        {
            problems.Add(Rejections.UnknownKey(kid));
            return;
        }

        // Ownership is checked whenever the payload names a city, even if other fields are broken:
        // a key must never be seen signing for a city it does not belong to.
        if (payloadReadable && snapshot is { CityId.Length: > 0 } && !string.Equals(snapshot.CityId, key.CityId, StringComparison.Ordinal))
        {
            problems.Add(Rejections.KeyNotOwnedByCity(kid, key.CityId, snapshot.CityId));
        }

        var issuedAt = payloadReadable ? snapshot?.IssuedAt : null;
        switch (JwsEnvelope.Standing(key.ValidFrom, key.ValidUntil, key.RevokedAt, issuedAt, _time.GetUtcNow()))
        {
            case KeyStanding.Revoked:
                problems.Add(Rejections.KeyRevoked(kid, key.RevokedAt!.Value));
                break;
            case KeyStanding.NotValid:
                problems.Add(Rejections.KeyNotValid(kid, key.ValidFrom, key.ValidUntil));
                break;
        }

        _signatures.Check(key.Key, compactJws, parts, signature, "the snapshot was changed after signing, or signed with another key.", problems);
    }

    /// <summary>Releases the public keys imported for signature checks.</summary>
    public void Dispose() => _signatures.Dispose();

    private (Snapshot? Snapshot, bool Readable) ReadPayload(string part, IReadOnlyList<string> disclosures, string keyBinding, List<Rejection> problems)
    {
        if (JwsEnvelope.ReadPayload(part, problems) is not { } bytes)
        {
            return (null, false);
        }

        using var doc = JsonDocument.Parse(bytes);
        var snapshot = SnapshotPayloadReader.Read(doc.RootElement, out var shapeProblems);
        problems.AddRange(shapeProblems);
        snapshot = Disclose(snapshot, disclosures, keyBinding, problems);

        // A field the reader could not read has a placeholder; do not also blame the placeholder. Whether
        // supersedes belongs depends on the status, so an unreadable status leaves supersedes unjudged too.
        var unreadable = shapeProblems.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        if (unreadable.Contains(StatusPath))
        {
            unreadable.Add(SupersedesPath);
        }

        problems.AddRange(_rules.Check(snapshot).Where(r => !Unreadable.Covers(unreadable, r.Field)));
        return (snapshot, true);
    }

    // Matches each disclosure to the value whose _sd carries its digest (RFC 9901 §7.1, for one level of values) and
    // gives that value its note, so the rules judge the note as they judge a format-1 note and the hub stores it.
    private static Snapshot Disclose(Snapshot snapshot, IReadOnlyList<string> disclosures, string keyBinding, List<Rejection> problems)
    {
        if (keyBinding.Length > 0)
        {
            problems.Add(Rejections.MalformedDisclosure("disclosures",
                "After the last disclosure comes a final '~' and nothing else: key binding (RFC 9901 §4.3) is not used."));
        }

        // At most one disclosure per value: more is refused in one reason, so that the answer's size stays bounded too.
        if (disclosures.Count > SnapshotFormat.MaxValues)
        {
            problems.Add(Rejections.MalformedDisclosure("disclosures",
                $"The submission has {disclosures.Count:N0} disclosures; a snapshot has at most {SnapshotFormat.MaxValues:N0} values, each with at most one note."));
            return snapshot;
        }

        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            if (snapshot.Values[i].NoteDigest is { } digest && !owner.TryAdd(digest, i))
            {
                problems.Add(Rejections.DuplicateDisclosure($"$.values[{i}].{SnapshotJson.Fields.Sd}",
                    $"$.values[{owner[digest]}] carries the same digest: each note has its own disclosure with its own salt."));
            }
        }

        var notes = new string?[snapshot.Values.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < disclosures.Count; k++)
        {
            var field = $"disclosures[{k}]";
            if (Disclosure.Read(disclosures[k], out var why) is not { } disclosure)
            {
                problems.Add(Rejections.MalformedDisclosure(field, why));
                continue;
            }

            var digest = disclosure.Digest;
            if (!seen.Add(digest))
            {
                problems.Add(Rejections.DuplicateDisclosure(field, "This disclosure was already sent in this submission."));
            }
            else if (owner.TryGetValue(digest, out var index))
            {
                notes[index] = disclosure.Note;
            }
            else
            {
                problems.Add(Rejections.DisclosureNotInPayload(field, snapshot.FormatVersion));
            }
        }

        var values = new List<KpiValue>(snapshot.Values.Count);
        for (var i = 0; i < snapshot.Values.Count; i++)
        {
            var value = snapshot.Values[i];
            if (value.NoteDigest is not null && notes[i] is null && owner[value.NoteDigest] == i)
            {
                problems.Add(Rejections.MissingDisclosure($"$.values[{i}].{SnapshotJson.Fields.Sd}"));
            }

            values.Add(notes[i] is { } note ? value with { Note = note } : value);
        }

        return snapshot with { Values = values };
    }
}
