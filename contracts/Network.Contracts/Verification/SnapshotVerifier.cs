using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
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
    private static readonly HashSet<string> AllowedHeader = ["alg", "kid", "typ"];
    private const string StatusPath = "$." + SnapshotJson.Fields.Status;
    private const string SupersedesPath = "$." + SnapshotJson.Fields.Supersedes;

    // A compact JWS whose payload part could decode to more than the limit is refused before decoding.
    private static readonly int MaxCompactLength = Base64Url.GetEncodedLength(SnapshotFormat.MaxPayloadBytes) + 8 * 1024;

    // Every character char.IsWhiteSpace accepts, for a vectorised search instead of a per-character predicate.
    private static readonly SearchValues<char> WhiteSpace =
        SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace).ToArray());

    // Importing a public key costs about as much as verifying a signature with it, and a batch is mostly signed by
    // a few keys: keep the imported keys, one per thread using it at a time (an ECDsa is not documented thread-safe).
    private readonly ConcurrentDictionary<EcPublicJwk, ConcurrentBag<ECDsa>> _imported = new(ReferenceEqualityComparer.Instance);
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
        if (compactJws.Length > MaxCompactLength)
        {
            return VerificationResult.Refuse([Rejections.JwsTooLong(compactJws.Length, MaxCompactLength)]);
        }

        var submission = compactJws;
        (compactJws, var disclosures, var keyBinding) = SelectiveDisclosure.Split(submission);
        var parts = compactJws.Split('.');
        if (parts.Length != 3)
        {
            return VerificationResult.Refuse([Rejections.MalformedJws(parts.Length)]);
        }

        var problems = new List<Rejection>();
        var header = ReadHeader(parts[0], problems);
        var (snapshot, payloadReadable) = ReadPayload(parts[1], disclosures, keyBinding, problems);
        var signature = Decode(parts[2], "signature", problems);

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

        // Revocation is judged now: a revoked key may be in the wrong hands, whatever date it writes.
        // The validity window is judged at signing time (issuedAt, which may not lie in the future), so a
        // snapshot signed before a planned key expiry and delivered after an outage is still accepted.
        var now = _time.GetUtcNow();
        var signedAt = payloadReadable && snapshot is { IssuedAt: var issued } && issued != default && issued <= now ? issued : now;
        if (key.RevokedAt is { } revoked && revoked <= now)
        {
            problems.Add(Rejections.KeyRevoked(kid, revoked));
        }
        else if (signedAt < key.ValidFrom || (key.ValidUntil is { } until && signedAt >= until))
        {
            problems.Add(Rejections.KeyNotValid(kid, key.ValidFrom, key.ValidUntil));
        }

        if (signature.Length != 64)
        {
            problems.Add(Rejections.BadSignature($"an ES256 signature is 64 bytes (r || s), this one is {signature.Length}."));
            return;
        }

        // The signing input is header.payload exactly as received: the JWS up to its second dot.
        var signingInput = compactJws.AsSpan(0, parts[0].Length + 1 + parts[1].Length);
        var bytes = ArrayPool<byte>.Shared.Rent(signingInput.Length);
        var imported = _imported.GetOrAdd(key.Key, _ => []);
        var ecdsa = imported.TryTake(out var pooled) ? pooled : key.Key.ToECDsa();
        try
        {
            var length = Encoding.ASCII.GetBytes(signingInput, bytes);
            if (!ecdsa.VerifyData(bytes.AsSpan(0, length), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                problems.Add(Rejections.BadSignature("the snapshot was changed after signing, or signed with another key."));
            }
        }
        finally
        {
            imported.Add(ecdsa);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Releases the public keys imported for signature checks.</summary>
    public void Dispose()
    {
        foreach (var keys in _imported.Values)
        {
            while (keys.TryTake(out var key))
            {
                key.Dispose();
            }
        }

        _imported.Clear();
    }

    private static Header ReadHeader(string part, List<Rejection> problems)
    {
        var bytes = Decode(part, "header", problems);
        if (bytes is null)
        {
            return default;
        }

        var structure = JsonStructure.Check(bytes, "header");
        if (structure.Count > 0)
        {
            problems.AddRange(structure);
            return default;
        }

        using var doc = JsonDocument.Parse(bytes);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Rejections.WrongFieldType("header", "an object", doc.RootElement.ValueKind.ToString().ToLowerInvariant()));
            return default;
        }

        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (!AllowedHeader.Contains(property.Name))
            {
                problems.Add(Rejections.UnsupportedHeader(property.Name));
            }
        }

        string? Str(string name) =>
            doc.RootElement.TryGetProperty(name, out var v) ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()) : null;

        var alg = Str("alg");
        var algorithmOk = string.Equals(alg, SnapshotFormat.Algorithm, StringComparison.Ordinal);
        if (!algorithmOk)
        {
            problems.Add(Rejections.UnsupportedAlgorithm(alg));
        }

        var typ = Str("typ");
        if (!string.Equals(typ, SnapshotFormat.TokenType, StringComparison.Ordinal))
        {
            problems.Add(Rejections.WrongTokenType(typ));
        }

        var kid = doc.RootElement.TryGetProperty("kid", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
        if (string.IsNullOrWhiteSpace(kid))
        {
            problems.Add(Rejections.MissingKeyId());
            kid = null;
        }

        return new Header(kid, algorithmOk);
    }

    private (Snapshot? Snapshot, bool Readable) ReadPayload(string part, IReadOnlyList<string> disclosures, string keyBinding, List<Rejection> problems)
    {
        if (Base64Url.GetMaxDecodedLength(part.Length) > SnapshotFormat.MaxPayloadBytes
            && Base64Url.IsValid(part, out var decodedLength) && decodedLength > SnapshotFormat.MaxPayloadBytes)
        {
            problems.Add(Rejections.PayloadTooLarge(decodedLength, SnapshotFormat.MaxPayloadBytes));
            return (null, false);
        }

        var bytes = Decode(part, "payload", problems);
        if (bytes is null)
        {
            return (null, false);
        }

        var structure = JsonStructure.Check(bytes, "$");
        if (structure.Count > 0)
        {
            problems.AddRange(structure);
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

        problems.AddRange(_rules.Check(snapshot).Where(r => !Covers(unreadable, r.Field)));
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

    private static bool Covers(HashSet<string> unreadable, string field)
    {
        if (unreadable.Contains(field) || unreadable.Contains("$"))
        {
            return true;
        }

        // $.values[3].unit is covered by a problem at $.values[3] or $.values.
        foreach (var path in unreadable)
        {
            if (field.StartsWith(path, StringComparison.Ordinal) && field.Length > path.Length && field[path.Length] is '.' or '[')
            {
                return true;
            }
        }

        return false;
    }

    private static byte[]? Decode(string part, string name, List<Rejection> problems)
    {
        // Base64Url.IsValid accepts padding and whitespace; JWS forbids both (RFC 7515 §2). It does refuse
        // non-zero unused bits in the last character, so each byte string has one spelling and a relay cannot
        // respell a signature (the tests pin this). An empty part is valid base64url for zero bytes: what is
        // wrong with it (no JSON, no signature) is said where that is checked.
        if (part.AsSpan().ContainsAny(WhiteSpace))
        {
            problems.Add(Rejections.WhitespaceInBase64Url(name));
            return null;
        }

        if (part.Contains('=') || !Base64Url.IsValid(part))
        {
            problems.Add(Rejections.MalformedBase64Url(name));
            return null;
        }

        return Base64Url.DecodeFromChars(part);
    }

    private readonly record struct Header(string? KeyId, bool AlgorithmOk);
}
