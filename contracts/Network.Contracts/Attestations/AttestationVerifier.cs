using System.Text.Json;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using F = Network.Contracts.Attestations.AttestationJson.Members;

namespace Network.Contracts.Attestations;

/// <summary>
/// Verifies a verifier's attestation as strictly as <see cref="SnapshotVerifier"/> verifies a snapshot, with the same
/// envelope rules: ES256 only, a header of exactly <c>alg</c>, <c>kid</c> and <c>typ</c> <c>u4ssc-attestation+jws</c>, a
/// registered verifier key owned by the payload's <c>verifierId</c>, not revoked and valid when it signed, a signature
/// over the exact bytes received, and a payload of exactly the attestation format. It never throws on bad input: every
/// problem comes back as a <see cref="Rejection"/> with its field, all of them at once. What only the hub's records can
/// decide (the verifier's assignment, the attested snapshot and its values, an earlier attestation with the same id) is
/// the hub's job. Safe to use from several threads at once when its <see cref="IVerifierKeyDirectory"/> is.
/// </summary>
public sealed class AttestationVerifier : IDisposable
{
    private readonly SignatureCheck _signatures = new();
    private readonly IVerifierKeyDirectory _keys;
    private readonly TimeProvider _time;

    /// <summary>Creates a verifier.</summary>
    /// <param name="keys">The verifier key registry to look <c>kid</c>s up in.</param>
    /// <param name="time">The clock for key validity, periods and issue times.</param>
    public AttestationVerifier(IVerifierKeyDirectory keys, TimeProvider time)
    {
        _keys = keys;
        _time = time;
    }

    /// <summary>Verifies a compact JWS as received (whitespace around it is not trimmed: it is part of what was signed).</summary>
    public async ValueTask<AttestationVerification> VerifyAsync(string compactJws, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compactJws);
        if (JwsEnvelope.Split(compactJws, out var refusal) is not { } parts)
        {
            return AttestationVerification.Refuse([refusal!]);
        }

        var problems = new List<Rejection>();
        var header = JwsEnvelope.ReadHeader(parts[0], AttestationFormat.TokenType, Rejections.WrongAttestationTokenType, problems);
        var attestation = ReadPayload(parts[1], problems);
        var signature = JwsEnvelope.Decode(parts[2], "signature", problems);

        if (header.KeyId is { } kid && header.AlgorithmOk && signature is not null)
        {
            await CheckKeyAndSignatureAsync(kid, compactJws, parts, signature, attestation, problems, cancellationToken);
        }

        if (problems.Count > 0)
        {
            return AttestationVerification.Refuse(problems, attestation, header.KeyId);
        }

        return AttestationVerification.Accept(new VerifiedAttestation(attestation!, header.KeyId!, compactJws, SnapshotFormat.Digest(compactJws)));
    }

    /// <summary>Releases the public keys imported for signature checks.</summary>
    public void Dispose() => _signatures.Dispose();

    private async ValueTask CheckKeyAndSignatureAsync(
        string kid, string compactJws, string[] parts, byte[] signature, Attestation? attestation, List<Rejection> problems, CancellationToken ct)
    {
        var key = await _keys.FindAsync(kid, ct);
        if (key is null)
        {
            problems.Add(Rejections.UnknownVerifierKey(kid));
            return;
        }

        // Ownership is checked whenever the payload names a verifier, even if other members are broken: a key must never
        // be seen signing for a verifier it does not belong to.
        if (attestation is { VerifierId.Length: > 0 } && !string.Equals(attestation.VerifierId, key.VerifierId, StringComparison.Ordinal))
        {
            problems.Add(Rejections.KeyNotOwnedByVerifier(kid, key.VerifierId, attestation.VerifierId));
        }

        switch (JwsEnvelope.Standing(key.ValidFrom, key.ValidUntil, key.RevokedAt, attestation?.IssuedAt, _time.GetUtcNow()))
        {
            case KeyStanding.Revoked:
                problems.Add(Rejections.VerifierKeyRevoked(kid, key.RevokedAt!.Value));
                break;
            case KeyStanding.NotValid:
                problems.Add(Rejections.VerifierKeyNotValid(kid, key.ValidFrom, key.ValidUntil));
                break;
        }

        _signatures.Check(key.Key, compactJws, parts, signature, "the attestation was changed after signing, or signed with another key.", problems);
    }

    // The attestation as claimed (placeholders where unreadable), or null when the payload is not readable JSON at all.
    private Attestation? ReadPayload(string part, List<Rejection> problems)
    {
        if (JwsEnvelope.ReadPayload(part, problems) is not { } bytes)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(bytes);
        var attestation = AttestationPayloadReader.Read(doc.RootElement, out var shapeProblems);
        problems.AddRange(shapeProblems);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            return attestation;
        }

        // What the members mean, for members that could be read (a placeholder is not blamed again).
        var unreadable = shapeProblems.Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
        var now = _time.GetUtcNow();
        if (!unreadable.Contains("$." + F.CityId) && CityId.Explain(attestation.CityId) is { } why)
        {
            problems.Add(Rejections.MalformedCityId(why));
        }

        var lastPeriod = now.Year + 1;
        if (!unreadable.Contains("$." + F.Period) && (attestation.Period < SnapshotFormat.FirstPeriod || attestation.Period > lastPeriod))
        {
            problems.Add(Rejections.PeriodOutOfRange(attestation.Period, SnapshotFormat.FirstPeriod, lastPeriod));
        }

        if (attestation.IssuedAt > now + SnapshotFormat.AllowedClockSkew)
        {
            problems.Add(Rejections.AttestationIssuedInFuture(attestation.IssuedAt, now));
        }

        return attestation;
    }
}
