namespace Network.Contracts.Verification;

/// <summary>
/// The closed set of reasons a snapshot can be refused. Every refusal the hub gives, over the bus or
/// over HTTP, is one of these with the field it concerns. Numbers are stable on the wire: add, never reuse.
/// </summary>
public enum RejectionReason
{
    // The envelope: compact JWS, encodings, JSON.

    /// <summary>Not three base64url parts separated by dots.</summary>
    MalformedJws = 1,

    /// <summary>A part is not valid unpadded base64url.</summary>
    MalformedBase64Url = 2,

    /// <summary>The header or payload is not well-formed UTF-8 JSON (including NaN/Infinity literals).</summary>
    MalformedJson = 3,

    /// <summary>A JSON object names the same property twice.</summary>
    DuplicateProperty = 4,

    /// <summary>The payload is larger than 1 MiB, or the snapshot has more values than allowed.</summary>
    PayloadTooLarge = 5,

    // The protected header.

    /// <summary><c>alg</c> is missing or is not <c>ES256</c> (<c>none</c> and HMAC included).</summary>
    UnsupportedAlgorithm = 10,

    /// <summary><c>kid</c> is missing or empty.</summary>
    MissingKeyId = 11,

    /// <summary><c>typ</c> is missing or does not name a KPI snapshot.</summary>
    WrongTokenType = 12,

    /// <summary>The header carries a parameter this format does not allow (<c>crit</c>, <c>jwk</c>, <c>jku</c>, <c>x5u</c>, ...).</summary>
    UnsupportedHeader = 13,

    // The key and the signature.

    /// <summary>No registered key has this <c>kid</c>.</summary>
    UnknownKey = 20,

    /// <summary>The key is registered, but to another city than the payload's <c>cityId</c>.</summary>
    KeyNotOwnedByCity = 21,

    /// <summary>The key was revoked before this snapshot arrived.</summary>
    KeyRevoked = 22,

    /// <summary>The key is outside its validity dates.</summary>
    KeyNotValid = 23,

    /// <summary>The signature does not verify with the registered key.</summary>
    BadSignature = 24,

    // The payload's shape.

    /// <summary>A required field is absent or null.</summary>
    MissingField = 30,

    /// <summary>A field has the wrong JSON type (a string where a number belongs, ...).</summary>
    WrongFieldType = 31,

    /// <summary>A field this format does not define.</summary>
    UnknownField = 32,

    /// <summary>A field's value is not acceptable (empty, too long, not a UUID, not a date, unknown enumeration value).</summary>
    InvalidField = 33,

    // The payload's meaning, against the catalogue.

    /// <summary>A value is not a finite JSON number (NaN, Infinity, a number too large for a double, a string).</summary>
    NotAFiniteNumber = 40,

    /// <summary>A KPI code the catalogue does not have.</summary>
    UnknownKpi = 41,

    /// <summary>A value's unit is not the catalogue's unit for its KPI.</summary>
    WrongUnit = 42,

    /// <summary>A value outside its unit's possible range (a percentage over 100, a negative count).</summary>
    ValueOutOfRange = 43,

    /// <summary>The same KPI (and data point) reported twice in one snapshot.</summary>
    DuplicateKpi = 44,

    /// <summary>A data point is missing for a KPI reported in parts, or given for one that is not, or unknown.</summary>
    InvalidDataPoint = 45,

    /// <summary>The period is not a year in the sane range.</summary>
    PeriodOutOfRange = 46,

    /// <summary>The city id is not of the form <c>NO-5001</c>.</summary>
    MalformedCityId = 47,

    /// <summary>A correction that does not name the snapshot it supersedes.</summary>
    CorrectionWithoutSupersedes = 48,

    /// <summary>A snapshot that names one to supersede but is not a correction.</summary>
    SupersedesWithoutCorrection = 49,

    /// <summary>A catalogue version the hub does not know.</summary>
    UnsupportedCatalogueVersion = 50,

    /// <summary>A snapshot without values.</summary>
    NoValues = 51,

    /// <summary>Issued further in the future than clock skew explains.</summary>
    IssuedInFuture = 52,

    // The hub's records: what only the network's history can decide.

    /// <summary>A snapshot with this id is already stored with different content.</summary>
    SnapshotConflict = 60,

    /// <summary>A correction names a snapshot the hub does not hold for the same city and period.</summary>
    SupersededSnapshotNotFound = 61,

    /// <summary>The submission could not be processed at all (unreadable message); kept as an error record.</summary>
    UnreadableSubmission = 62,

    // Who sends it.

    /// <summary>
    /// The snapshot names a city other than the sending client's, or the client is no city's node (HTTP door: 403,
    /// before any verification; nothing is kept).
    /// </summary>
    NotTheSendersCity = 70,

    // Attestations: a verifier's signed verdicts on a stored snapshot (contracts/README.md §9). The envelope, header,
    // shape and signature reasons above apply to attestations too (with typ u4ssc-attestation+jws).

    /// <summary>The attestation's key is registered, but to another verifier than the payload's <c>verifierId</c>, or to a city.</summary>
    KeyNotOwnedByVerifier = 80,

    /// <summary>The verifier is not (or no longer) assigned to the snapshot's city by a network coordinator.</summary>
    VerifierNotAssigned = 81,

    /// <summary>No stored snapshot has the attestation's <c>snapshotDigest</c>.</summary>
    UnknownSnapshot = 82,

    /// <summary>
    /// The stored snapshot with that digest has another id, city or period than the attestation names: an attestation
    /// made for one snapshot replayed against another.
    /// </summary>
    SnapshotMismatch = 83,

    /// <summary>A verdict names a value (KPI, data point, number, unit) that the attested snapshot does not hold.</summary>
    VerdictForUnknownValue = 84,

    /// <summary>An attestation with this id is already stored with different content.</summary>
    AttestationConflict = 85,

    /// <summary>
    /// The attestation names another verifier than the sending client's, or the client is no verifier's (HTTP door: 403,
    /// before any verification; nothing is kept).
    /// </summary>
    NotTheSendersVerifier = 86,

    // Selective disclosure: a format-2 snapshot's notes travel as SD-JWT disclosures beside its JWS (contracts/README.md §4).

    /// <summary>
    /// A disclosure is not base64url of the JSON array [salt, "note", text] with a salt of at least 128 bits, or the
    /// submission's SD-JWT form is broken (an empty disclosure, a key-binding JWT after the last <c>~</c>).
    /// </summary>
    MalformedDisclosure = 90,

    /// <summary>No value's <c>_sd</c> carries the disclosure's digest (or the snapshot is format 1, which takes no disclosures).</summary>
    DisclosureNotInPayload = 91,

    /// <summary>A value's <c>_sd</c> digest has no disclosure in the submission: the members could not read that note.</summary>
    MissingDisclosure = 92,

    /// <summary>The same disclosure sent twice, or two values carrying the same digest.</summary>
    DuplicateDisclosure = 93,
}
