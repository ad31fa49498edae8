using System.Text.Json;
using Network.Contracts.Catalogue;
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

    /// <summary>Verifies a compact JWS as received (whitespace around it is not trimmed: it is part of what was signed).</summary>
    public async ValueTask<VerificationResult> VerifyAsync(string compactJws, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compactJws);
        if (JwsEnvelope.Split(compactJws, out var refusal) is not { } parts)
        {
            return VerificationResult.Refuse([refusal!]);
        }

        var problems = new List<Rejection>();
        var header = JwsEnvelope.ReadHeader(parts[0], SnapshotFormat.TokenType, Rejections.WrongTokenType, problems);
        var (snapshot, payloadReadable) = ReadPayload(parts[1], problems);
        var signature = JwsEnvelope.Decode(parts[2], "signature", problems);

        if (header.KeyId is { } kid && header.AlgorithmOk && signature is not null)
        {
            await CheckKeyAndSignatureAsync(kid, compactJws, parts, signature, snapshot, payloadReadable, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return VerificationResult.Refuse(problems, snapshot);
        }

        return VerificationResult.Accept(new VerifiedSnapshot(snapshot!, header.KeyId!, compactJws, SnapshotFormat.Digest(compactJws)));
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

    private (Snapshot? Snapshot, bool Readable) ReadPayload(string part, List<Rejection> problems)
    {
        if (JwsEnvelope.ReadPayload(part, problems) is not { } bytes)
        {
            return (null, false);
        }

        using var doc = JsonDocument.Parse(bytes);
        var snapshot = SnapshotPayloadReader.Read(doc.RootElement, out var shapeProblems);
        problems.AddRange(shapeProblems);

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
}
