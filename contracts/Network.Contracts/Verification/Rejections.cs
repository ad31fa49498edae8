using System.Globalization;
using Network.Contracts.Attestations;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// The one place rejections are worded. Each factory names its reason; the verifier, the validator and
/// the hub build refusals only through these, so the same fault always reads the same way.
/// </summary>
public static class Rejections
{
    /// <summary>Not three dot-separated parts.</summary>
    public static Rejection MalformedJws(int parts) => new(RejectionReason.MalformedJws, "jws",
        $"A signed snapshot is a JWS in compact form: three base64url parts separated by dots; this has {parts}.");

    /// <summary>A part that is not unpadded base64url.</summary>
    public static Rejection MalformedBase64Url(string part) => new(RejectionReason.MalformedBase64Url, part,
        $"The {part} is not valid unpadded base64url (RFC 7515 §2).");

    /// <summary>
    /// Whitespace inside or around the compact JWS, most often a file's final newline sent along with it. Said in so
    /// many words because nothing trims it: the JWS must arrive exactly as signed.
    /// </summary>
    public static Rejection WhitespaceInBase64Url(string part) => new(RejectionReason.MalformedBase64Url, part,
        $"The {part} contains whitespace (a line break or space, such as a file's final newline), which base64url (RFC 7515 §2) does not allow. " +
        "Send the JWS exactly as signed: nothing around it is trimmed.");

    /// <summary>JSON that does not parse.</summary>
    public static Rejection MalformedJson(string field, string detail) => new(RejectionReason.MalformedJson, field,
        $"Not well-formed JSON: {detail}");

    /// <summary>A property named twice in one object.</summary>
    public static Rejection DuplicateProperty(string field) => new(RejectionReason.DuplicateProperty, field,
        "This property appears more than once in its object; each property may appear only once.");

    /// <summary>A compact JWS longer than the limit, refused before anything is decoded: its length is the JWS's, not the payload's.</summary>
    public static Rejection JwsTooLong(long characters, long limit) => new(RejectionReason.PayloadTooLarge, "jws",
        $"The JWS is {characters:N0} characters long; the limit is {limit:N0} characters (a payload of at most {SnapshotFormat.MaxPayloadBytes:N0} bytes, encoded, plus header and signature).");

    /// <summary>A decoded payload over the size limit.</summary>
    public static Rejection PayloadTooLarge(long bytes, long limit) => new(RejectionReason.PayloadTooLarge, "payload",
        $"The payload is {bytes:N0} bytes; the limit is {limit:N0} bytes.");

    /// <summary>More values than the format allows.</summary>
    public static Rejection TooManyValues(int count, int limit) => new(RejectionReason.PayloadTooLarge, "$.values",
        $"The snapshot has {count:N0} values; the limit is {limit:N0}.");

    /// <summary>An algorithm other than ES256.</summary>
    public static Rejection UnsupportedAlgorithm(string? alg) => new(RejectionReason.UnsupportedAlgorithm, "header.alg",
        alg is null
            ? "The header has no 'alg'; snapshots must be signed with ES256."
            : $"The algorithm '{Quote(alg)}' is not accepted; snapshots must be signed with ES256 (ECDSA P-256, SHA-256).");

    /// <summary>No key id.</summary>
    public static Rejection MissingKeyId() => new(RejectionReason.MissingKeyId, "header.kid",
        "The header has no 'kid'; name the registered key the snapshot was signed with.");

    /// <summary>A token that is not a KPI snapshot.</summary>
    public static Rejection WrongTokenType(string? typ) => new(RejectionReason.WrongTokenType, "header.typ",
        $"The header's 'typ' is {(typ is null ? "missing" : $"'{Quote(typ)}'")}; a KPI snapshot has typ '{SnapshotFormat.TokenType}'.");

    /// <summary>A header parameter this format does not allow.</summary>
    public static Rejection UnsupportedHeader(string name) => new(RejectionReason.UnsupportedHeader, JsonPath.Member("header", name),
        $"The header parameter '{Quote(name)}' is not allowed; the header holds only alg, kid and typ (keys come from the registry, never from the token).");

    /// <summary>A key id nobody registered.</summary>
    public static Rejection UnknownKey(string kid) => new(RejectionReason.UnknownKey, "header.kid",
        $"No registered key has the id '{Quote(kid)}'. Ask the network coordinator to register the city's public key.");

    /// <summary>A key registered to another city.</summary>
    public static Rejection KeyNotOwnedByCity(string kid, string keyCity, string payloadCity) => new(RejectionReason.KeyNotOwnedByCity, "header.kid",
        $"The key '{Quote(kid)}' belongs to {keyCity}, but the snapshot is for {Quote(payloadCity)}; a city can only sign its own snapshots.");

    /// <summary>A revoked key.</summary>
    public static Rejection KeyRevoked(string kid, DateTimeOffset revokedAt) => new(RejectionReason.KeyRevoked, "header.kid",
        $"The key '{Quote(kid)}' was revoked on {revokedAt:yyyy-MM-dd HH:mm} UTC; sign with the city's current key.");

    /// <summary>A key outside its validity dates.</summary>
    public static Rejection KeyNotValid(string kid, DateTimeOffset from, DateTimeOffset? until) => new(RejectionReason.KeyNotValid, "header.kid",
        $"The key '{Quote(kid)}' is valid from {from:yyyy-MM-dd}{(until is { } u ? $" until {u:yyyy-MM-dd}" : "")}, not when this snapshot was signed.");

    /// <summary>A signature that does not verify.</summary>
    public static Rejection BadSignature(string detail) => new(RejectionReason.BadSignature, "signature",
        $"The signature does not verify with the registered key: {detail}");

    /// <summary>A required field that is absent.</summary>
    public static Rejection MissingField(string path) => new(RejectionReason.MissingField, path, "This field is required.");

    /// <summary>A field of the wrong JSON type.</summary>
    public static Rejection WrongFieldType(string path, string expected, string actual) => new(RejectionReason.WrongFieldType, path,
        $"Expected {expected}, found {actual}.");

    /// <summary>A field the format does not define.</summary>
    public static Rejection UnknownField(string path) => new(RejectionReason.UnknownField, path,
        "This field is not part of the snapshot format; remove it or check its spelling.");

    /// <summary>A field this format version does not define, said in words when the other version has it.</summary>
    public static Rejection UnknownField(string path, int version, string name) => name switch
    {
        SnapshotJson.Fields.Note when version == SnapshotFormat.Version2 => new(RejectionReason.UnknownField, path,
            "A format-2 snapshot withholds notes: send the note as a disclosure and put its digest in the value's _sd (contracts/README.md §4)."),
        SnapshotJson.Fields.Sd or SnapshotJson.Fields.SdAlg when version == SnapshotFormat.Version1 => new(RejectionReason.UnknownField, path,
            "Withheld notes belong to format 2: add \"formatVersion\": 2 to the payload."),
        _ => UnknownField(path),
    };

    /// <summary>A disclosure that cannot be read, or a submission whose SD-JWT form is broken.</summary>
    public static Rejection MalformedDisclosure(string field, string why) => new(RejectionReason.MalformedDisclosure, field, why);

    /// <summary>A disclosure whose digest no value of the payload carries.</summary>
    public static Rejection DisclosureNotInPayload(string field, int version) => new(RejectionReason.DisclosureNotInPayload, field,
        version == SnapshotFormat.Version1
            ? "A format-1 snapshot carries its notes in the clear and takes no disclosures; sign it in format 2, or send the bare JWS."
            : "No value's _sd carries this disclosure's digest: the disclosure was not signed with this snapshot, or it was changed.");

    /// <summary>A value's digest without its disclosure.</summary>
    public static Rejection MissingDisclosure(string field) => new(RejectionReason.MissingDisclosure, field,
        "The value withholds a note, but no disclosure with this digest came with the snapshot: send every disclosure after the JWS (jws~disclosure~…~).");

    /// <summary>A disclosure sent twice, or a digest carried by two values.</summary>
    public static Rejection DuplicateDisclosure(string field, string what) => new(RejectionReason.DuplicateDisclosure, field, what);

    /// <summary>A field whose value is not acceptable.</summary>
    public static Rejection InvalidField(string path, string why) => new(RejectionReason.InvalidField, path, why);

    /// <summary>A value that is not a finite number.</summary>
    public static Rejection NotAFiniteNumber(string path, string found) => new(RejectionReason.NotAFiniteNumber, path,
        $"A value must be a finite JSON number; found {found}.");

    /// <summary>A KPI code not in the catalogue.</summary>
    public static Rejection UnknownKpi(string path, string code) => new(RejectionReason.UnknownKpi, path,
        $"'{Quote(code)}' is not a U4SSC KPI code in catalogue {KpiCatalogue.CurrentVersion} (codes look like EC-ICT-ICT-1C).");

    /// <summary>A unit that is not the KPI's.</summary>
    public static Rejection WrongUnit(string path, Kpi kpi, string unit) => new(RejectionReason.WrongUnit, path,
        $"{kpi.Code} ({kpi.Name}) is reported in '{kpi.Unit.Symbol}', not '{Quote(unit)}'.");

    /// <summary>A value outside what its unit allows.</summary>
    public static Rejection ValueOutOfRange(string path, Kpi kpi, double value) => new(RejectionReason.ValueOutOfRange, path,
        $"{kpi.Code} ({kpi.Name}) is {kpi.Unit.Kind switch { UnitKind.Percentage => "a percentage", UnitKind.Count => "a count", _ => $"in '{kpi.Unit.Symbol}'" }} and must be {kpi.Unit.DescribeRange()}; found {value.ToString("R", CultureInfo.InvariantCulture)}.");

    /// <summary>The same KPI twice; <paramref name="firstAt"/> names where it was first reported (<c>$.values[0]</c>, or a file's <c>line 2</c>).</summary>
    public static Rejection DuplicateKpi(string path, string code, string? dataPoint, string firstAt) => new(RejectionReason.DuplicateKpi, path,
        $"{code}{(dataPoint is null ? "" : $" ({dataPoint})")} is already reported at {firstAt}; report each KPI once per snapshot.");

    /// <summary>A data point problem.</summary>
    public static Rejection InvalidDataPoint(string path, Kpi kpi, string? dataPoint) => new(RejectionReason.InvalidDataPoint, path,
        kpi.HasDataPoints
            ? dataPoint is null
                ? $"{kpi.Code} ({kpi.Name}) is reported per data point; name one of: {string.Join(", ", kpi.DataPoints)}."
                : $"'{Quote(dataPoint)}' is not a data point of {kpi.Code}; use one of: {string.Join(", ", kpi.DataPoints)}."
            : $"{kpi.Code} ({kpi.Name}) is reported as one number; remove 'dataPoint'.");

    /// <summary>A period outside the sane range.</summary>
    public static Rejection PeriodOutOfRange(int period, int min, int max) => new(RejectionReason.PeriodOutOfRange, "$.period",
        $"The period {period} is not a reporting year between {min} and {max}.");

    /// <summary>A malformed city id.</summary>
    public static Rejection MalformedCityId(string why) => new(RejectionReason.MalformedCityId, "$.cityId", $"{char.ToUpperInvariant(why[0])}{why[1..]}.");

    /// <summary>A correction without the id it corrects.</summary>
    public static Rejection CorrectionWithoutSupersedes() => new(RejectionReason.CorrectionWithoutSupersedes, "$.supersedes",
        "A correction must name the snapshot it supersedes (its snapshotId).");

    /// <summary>A superseded id on a snapshot that is not a correction.</summary>
    public static Rejection SupersedesWithoutCorrection() => new(RejectionReason.SupersedesWithoutCorrection, "$.supersedes",
        "Only a snapshot with status 'correction' may supersede another; use status 'correction' or remove 'supersedes'.");

    /// <summary>An unknown catalogue version.</summary>
    public static Rejection UnsupportedCatalogueVersion(string version) => new(RejectionReason.UnsupportedCatalogueVersion, "$.catalogueVersion",
        $"The catalogue version '{Quote(version)}' is not supported; this hub checks values against '{KpiCatalogue.CurrentVersion}'.");

    /// <summary>No values.</summary>
    public static Rejection NoValues() => new(RejectionReason.NoValues, "$.values", "A snapshot must report at least one value.");

    /// <summary>Issued in the future.</summary>
    public static Rejection IssuedInFuture(DateTimeOffset issuedAt, DateTimeOffset now) => new(RejectionReason.IssuedInFuture, "$.issuedAt",
        $"The snapshot says it was issued at {issuedAt:u}, after the hub's time {now:u}; check the node's clock.");

    /// <summary>The same snapshot id with different content.</summary>
    public static Rejection SnapshotConflict(Guid snapshotId, string storedDigest) => new(RejectionReason.SnapshotConflict, "$.snapshotId",
        $"The hub already holds snapshot {snapshotId} with different content (digest {storedDigest}); a snapshot never changes: give a new snapshot a new id, or publish a correction.");

    /// <summary>A correction whose target is unknown, or of another city or period.</summary>
    public static Rejection SupersededSnapshotNotFound(Guid supersedes, string cityId, int period) => new(RejectionReason.SupersededSnapshotNotFound, "$.supersedes",
        $"The hub holds no accepted snapshot {supersedes} for {cityId} and period {period}; a correction must supersede an earlier snapshot of the same city and period.");

    /// <summary>A submission that could not be read at all.</summary>
    public static Rejection UnreadableSubmission(string detail) => new(RejectionReason.UnreadableSubmission, "jws",
        $"The submission could not be read: {detail}");

    // Attestations (contracts/README.md §9): the words where an attestation's refusal differs from a snapshot's.

    /// <summary>A token that is not an attestation (a city's snapshot sent to the attestation door, say).</summary>
    public static Rejection WrongAttestationTokenType(string? typ) => new(RejectionReason.WrongTokenType, "header.typ",
        $"The header's 'typ' is {(typ is null ? "missing" : $"'{Quote(typ)}'")}; a verifier's attestation has typ '{SnapshotFormat.AttestationTokenType}'.");

    /// <summary>A member the attestation format does not define.</summary>
    public static Rejection UnknownAttestationField(string path) => new(RejectionReason.UnknownField, path,
        "This field is not part of the attestation format; remove it or check its spelling.");

    /// <summary>A verifier id that is not of the form <c>demo-verifier</c>.</summary>
    public static Rejection MalformedVerifierId(string path, string verifierId) => new(RejectionReason.InvalidField, path,
        $"'{Quote(verifierId)}' is not a verifier id: 3 to 64 lower-case letters, digits and dashes, starting with a letter or digit, e.g. demo-verifier.");

    /// <summary>A snapshot digest that is not 43 characters of base64url.</summary>
    public static Rejection MalformedDigest(string path, string digest) => new(RejectionReason.InvalidField, path,
        $"'{Quote(digest)}' is not a snapshot digest: 43 characters of unpadded base64url (SHA-256 of the city's compact JWS), as the hub's receipt names it.");

    /// <summary>A text member that is empty where it must say something, or longer than the limit.</summary>
    public static Rejection TextNotAccepted(string path, int length, bool empty) => new(RejectionReason.InvalidField, path,
        empty
            ? "This field must not be empty."
            : $"This text is {length:N0} characters; the limit is {SnapshotFormat.MaxTextLength:N0}.");

    /// <summary>A verdict outcome that is not one of the wire names.</summary>
    public static Rejection UnknownOutcome(string path, string outcome, IEnumerable<string> outcomes) => new(RejectionReason.InvalidField, path,
        $"'{Quote(outcome)}' is not a verdict; use one of: {string.Join(", ", outcomes)}.");

    /// <summary>A not-verified verdict without its reason.</summary>
    public static Rejection ReasonRequired(string path) => new(RejectionReason.MissingField, path,
        "A 'not-verified' verdict must say why in 'reason', so the city knows what to fix.");

    /// <summary>An attestation without verdicts.</summary>
    public static Rejection NoVerdicts() => new(RejectionReason.NoValues, "$.verdicts", "An attestation must carry at least one verdict.");

    /// <summary>More verdicts than the format allows.</summary>
    public static Rejection TooManyVerdicts(int count, int limit) => new(RejectionReason.PayloadTooLarge, "$.verdicts",
        $"The attestation has {count:N0} verdicts; the limit is {limit:N0}.");

    /// <summary>Two verdicts on one KPI (and data point); <paramref name="firstAt"/> names the first.</summary>
    public static Rejection DuplicateVerdict(string path, string code, string? dataPoint, string firstAt) => new(RejectionReason.DuplicateKpi, path,
        $"{Quote(code)}{(dataPoint is null ? "" : $" ({Quote(dataPoint)})")} already has a verdict at {firstAt}; give each value one verdict per attestation.");

    /// <summary>An attestation issued in the future.</summary>
    public static Rejection AttestationIssuedInFuture(DateTimeOffset issuedAt, DateTimeOffset now) => new(RejectionReason.IssuedInFuture, "$.issuedAt",
        $"The attestation says it was issued at {issuedAt:u}, after the hub's time {now:u}; check the verifier's clock.");

    /// <summary>A key id no verifier registered.</summary>
    public static Rejection UnknownVerifierKey(string kid) => new(RejectionReason.UnknownKey, "header.kid",
        $"No registered verifier key has the id '{Quote(kid)}'. Ask the network coordinator to register the verifier's public key (approve its enrollment).");

    /// <summary>A verifier key registered to another verifier than the payload's <c>verifierId</c>.</summary>
    public static Rejection KeyNotOwnedByVerifier(string kid, string keyVerifier, string payloadVerifier) => new(RejectionReason.KeyNotOwnedByVerifier, "header.kid",
        $"The key '{Quote(kid)}' belongs to the verifier {keyVerifier}, but the attestation is by '{Quote(payloadVerifier)}'; a verifier signs only its own attestations.");

    /// <summary>A city's key signing an attestation.</summary>
    public static Rejection KeyOfACity(string kid, string cityId) => new(RejectionReason.KeyNotOwnedByVerifier, "header.kid",
        $"The key '{Quote(kid)}' is the signing key of the city {cityId}, not a verifier's: a city cannot attest, and an attestation is signed with the verifier's own key.");

    /// <summary>A revoked verifier key.</summary>
    public static Rejection VerifierKeyRevoked(string kid, DateTimeOffset revokedAt) => new(RejectionReason.KeyRevoked, "header.kid",
        $"The key '{Quote(kid)}' was revoked on {revokedAt:yyyy-MM-dd HH:mm} UTC; sign with the verifier's current key.");

    /// <summary>A verifier key outside its validity dates.</summary>
    public static Rejection VerifierKeyNotValid(string kid, DateTimeOffset from, DateTimeOffset? until) => new(RejectionReason.KeyNotValid, "header.kid",
        $"The key '{Quote(kid)}' is valid from {from:yyyy-MM-dd}{(until is { } u ? $" until {u:yyyy-MM-dd}" : "")}, not when this attestation was signed.");

    /// <summary>A verifier not (or no longer) assigned to the snapshot's city.</summary>
    public static Rejection VerifierNotAssigned(string verifierId, string cityId) => new(RejectionReason.VerifierNotAssigned, "$.verifierId",
        $"The verifier {verifierId} is not assigned to {cityId}; a network coordinator assigns verifiers to cities, and only an assigned verifier may attest a city's values.");

    /// <summary>A digest of no stored snapshot.</summary>
    public static Rejection UnknownSnapshot(string digest) => new(RejectionReason.UnknownSnapshot, "$.snapshotDigest",
        $"The hub holds no snapshot with the digest {Quote(digest)}; attest a snapshot the hub accepted, named by the digest of its JWS exactly as stored.");

    /// <summary>The stored snapshot with the digest has another id, city or period than the attestation names.</summary>
    public static Rejection SnapshotMismatch(string path, string stored, string claimed) => new(RejectionReason.SnapshotMismatch, path,
        $"The snapshot with this digest has {stored}, but the attestation says '{Quote(claimed)}': an attestation names one snapshot and cannot be replayed against another.");

    /// <summary>A verdict on a value the attested snapshot does not hold.</summary>
    public static Rejection VerdictForUnknownValue(string path, Verdict verdict, Guid snapshotId)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new(RejectionReason.VerdictForUnknownValue, path,
            $"Snapshot {snapshotId} holds no value {Quote(verdict.Kpi)}{(verdict.DataPoint is null ? "" : $" ({Quote(verdict.DataPoint)})")} = " +
            $"{verdict.Value.ToString("R", CultureInfo.InvariantCulture)} '{Quote(verdict.Unit)}'; a verdict binds to a value's KPI, data point, number and unit exactly as the snapshot carries them.");
    }

    /// <summary>The same attestation id with different content.</summary>
    public static Rejection AttestationConflict(Guid attestationId, string storedDigest) => new(RejectionReason.AttestationConflict, "$.attestationId",
        $"The hub already holds attestation {attestationId} with different content (digest {storedDigest}); an attestation never changes: give a new attestation a new id, and it supersedes the earlier one.");

    /// <summary>An attestation sent with another verifier's token, or with a token that is no verifier's.</summary>
    public static Rejection NotTheSendersVerifier(string? tokenVerifier, string? claimed) => new(RejectionReason.NotTheSendersVerifier, "$.verifierId",
        tokenVerifier is null
            ? "This access token is no verifier's: only a verifier's token, which names its verifier, may submit attestations."
            : $"The attestation is by '{Quote(claimed)}', but this access token is {tokenVerifier}'s: a verifier submits its own attestations only.");

    // Text from the submission is echoed back shortened: a refusal must stay readable, and small however
    // large the hostile input was.
    private static string Quote(string? text) => text is null ? "" : text.Length <= 80 ? text : text[..80] + "…";
}
