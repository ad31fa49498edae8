using System.Buffers.Text;
using System.Text.Json;
using Network.Contracts.Verification;
using F = Network.Contracts.Attestations.AttestationJson.Members;

namespace Network.Contracts.Attestations;

/// <summary>
/// Reads an attestation payload, naming every shape problem with its JSONPath: missing, unknown and mistyped members,
/// ids, the issue time, the verifier id's form, verdict outcomes, the reason a not-verified verdict needs, text limits
/// and the number of verdicts. What only the hub's records can decide (assignment, the attested snapshot and its values)
/// is the hub's job.
/// </summary>
internal sealed class AttestationPayloadReader : PayloadReader
{
    private static readonly HashSet<string> AttestationFields =
        [F.AttestationId, F.VerifierId, F.SnapshotDigest, F.SnapshotId, F.CityId, F.Period, F.Method, F.ReportRef, F.IssuedAt, F.Verdicts];

    private static readonly HashSet<string> VerdictFields = [F.Kpi, F.DataPoint, F.Value, F.Unit, F.Verdict, F.Reason];

    private AttestationPayloadReader()
    {
    }

    /// <summary>
    /// Reads <paramref name="root"/>. The attestation is always returned, with placeholders where a member could not be
    /// read (so what it claims can address an answer); <paramref name="problems"/> says which.
    /// </summary>
    public static Attestation Read(JsonElement root, out List<Rejection> problems)
    {
        var reader = new AttestationPayloadReader();
        var attestation = reader.ReadAttestation(root);
        problems = reader.Problems;
        return attestation;
    }

    /// <inheritdoc/>
    protected override Rejection UnknownField(string path) => Rejections.UnknownAttestationField(path);

    private Attestation ReadAttestation(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(Rejections.WrongFieldType("$", "an object", Describe(root)));
            return new Attestation(Guid.Empty, "", "", Guid.Empty, "", 0, "", null, default, []);
        }

        RejectUnknown(root, "$", AttestationFields);
        var id = ReadGuid(root, "$", F.AttestationId, required: true) ?? Guid.Empty;
        var verifier = ReadString(root, "$", F.VerifierId, required: true);
        if (verifier is not null && !AttestationFormat.IsVerifierId(verifier))
        {
            Problems.Add(Rejections.MalformedVerifierId("$." + F.VerifierId, verifier));
        }

        var digest = ReadString(root, "$", F.SnapshotDigest, required: true);
        if (digest is not null && !IsDigest(digest))
        {
            Problems.Add(Rejections.MalformedDigest("$." + F.SnapshotDigest, digest));
        }

        var snapshotId = ReadGuid(root, "$", F.SnapshotId, required: true) ?? Guid.Empty;
        var city = ReadString(root, "$", F.CityId, required: true) ?? "";
        var period = ReadInt(root, "$", F.Period) ?? 0;
        var method = ReadText(root, "$", F.Method, required: true) ?? "";
        var report = ReadText(root, "$", F.ReportRef, required: false);
        var issuedAt = ReadInstant(root, "$", F.IssuedAt) ?? default;
        var verdicts = ReadVerdicts(root);
        return new Attestation(id, verifier ?? "", digest ?? "", snapshotId, city, period, method, report, issuedAt, verdicts);
    }

    private List<Verdict> ReadVerdicts(JsonElement root)
    {
        const string path = "$." + F.Verdicts;
        var verdicts = new List<Verdict>();
        if (!root.TryGetProperty(F.Verdicts, out var array) || array.ValueKind == JsonValueKind.Null)
        {
            Problems.Add(Rejections.MissingField(path));
            return verdicts;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            Problems.Add(Rejections.WrongFieldType(path, "an array of verdicts", Describe(array)));
            return verdicts;
        }

        var length = array.GetArrayLength();
        if (length == 0)
        {
            Problems.Add(Rejections.NoVerdicts());
            return verdicts;
        }

        if (length > AttestationFormat.MaxVerdicts)
        {
            Problems.Add(Rejections.TooManyVerdicts(length, AttestationFormat.MaxVerdicts));
            return verdicts;
        }

        var seen = new Dictionary<(string Kpi, string? DataPoint), string>();
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (ReadVerdict(item, at) is not { } verdict)
            {
                continue;
            }

            if (verdict.Kpi.Length > 0 && !seen.TryAdd((verdict.Kpi, verdict.DataPoint), at))
            {
                Problems.Add(Rejections.DuplicateVerdict($"{at}.{F.Kpi}", verdict.Kpi, verdict.DataPoint, seen[(verdict.Kpi, verdict.DataPoint)]));
            }

            verdicts.Add(verdict);
        }

        return verdicts;
    }

    private Verdict? ReadVerdict(JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            Problems.Add(Rejections.WrongFieldType(path, "an object", Describe(item)));
            return null;
        }

        RejectUnknown(item, path, VerdictFields);
        var kpi = ReadString(item, path, F.Kpi, required: true) ?? "";
        var dataPoint = ReadString(item, path, F.DataPoint, required: false);
        var number = ReadNumber(item, path, F.Value);
        var unit = ReadString(item, path, F.Unit, required: true) ?? "";
        var outcomeText = ReadString(item, path, F.Verdict, required: true);
        var outcome = VerdictOutcome.Question;
        var outcomeKnown = false;
        if (outcomeText is not null)
        {
            outcomeKnown = AttestationFormat.TryParseOutcome(outcomeText, out outcome);
            if (!outcomeKnown)
            {
                Problems.Add(Rejections.UnknownOutcome($"{path}.{F.Verdict}", outcomeText, AttestationFormat.Outcomes));
            }
        }

        // A reason that is there but unusable (a number, empty) is refused as such, not again as missing.
        var before = Problems.Count;
        var reason = ReadText(item, path, F.Reason, required: false);
        if (outcomeKnown && outcome == VerdictOutcome.NotVerified && reason is null && Problems.Count == before)
        {
            Problems.Add(Rejections.ReasonRequired($"{path}.{F.Reason}"));
        }

        return new Verdict(kpi, dataPoint, number, unit, outcome, reason);
    }

    // A text member: present and non-empty when required, never longer than the format's limit; an optional one may
    // be absent or null, not empty (empty says nothing a reader could use).
    private string? ReadText(JsonElement obj, string parent, string name, bool required)
    {
        var text = ReadString(obj, parent, name, required);
        if (text is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > AttestationFormat.MaxTextLength)
        {
            Problems.Add(Rejections.TextNotAccepted($"{parent}.{name}", text.Length, empty: string.IsNullOrWhiteSpace(text)));
            return null;
        }

        return text;
    }

    // SHA-256 in unpadded base64url: 43 characters whose last one leaves no stray bits.
    private static bool IsDigest(string text) =>
        text.Length == 43 && !text.Contains('=') && Base64Url.IsValid(text, out var bytes) && bytes == 32;
}
