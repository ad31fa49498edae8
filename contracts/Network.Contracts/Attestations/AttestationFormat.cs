using System.Text.RegularExpressions;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Attestations;

/// <summary>The fixed facts of the attestation wire format, documented in <c>contracts/README.md</c>.</summary>
public static partial class AttestationFormat
{
    /// <summary>The protected header's <c>typ</c> for a verifier's attestation.</summary>
    public const string TokenType = SnapshotFormat.AttestationTokenType;

    /// <summary>The most verdicts one attestation may carry: one per value of the largest snapshot.</summary>
    public const int MaxVerdicts = SnapshotFormat.MaxValues;

    /// <summary>The longest text accepted in <c>method</c>, <c>reportRef</c> and a verdict's <c>reason</c>.</summary>
    public const int MaxTextLength = SnapshotFormat.MaxTextLength;

    /// <summary>The largest payload accepted, in bytes after base64url decoding (the snapshot's limit).</summary>
    public const int MaxPayloadBytes = SnapshotFormat.MaxPayloadBytes;

    /// <summary>
    /// Whether <paramref name="verifierId"/> is a well-formed verifier id: 3 to 64 characters of lower-case letters,
    /// digits and dashes, starting with a letter or digit (<c>demo-verifier</c>, <c>dnv-u4ssc</c>). Never a city id,
    /// which has capitals, so the two kinds of member can never be confused.
    /// </summary>
    public static bool IsVerifierId(string? verifierId) => verifierId is not null && VerifierIdPattern().IsMatch(verifierId);

    /// <summary>The wire name of a verdict outcome (<c>verified</c>, <c>not-verified</c>, <c>question</c>).</summary>
    public static string WireName(VerdictOutcome outcome) => outcome switch
    {
        VerdictOutcome.Verified => "verified",
        VerdictOutcome.NotVerified => "not-verified",
        VerdictOutcome.Question => "question",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>Every verdict wire name, in enum order.</summary>
    public static IReadOnlyList<string> Outcomes { get; } = Enum.GetValues<VerdictOutcome>().Select(WireName).ToArray();

    /// <summary>Parses a verdict wire name (exact, lower case).</summary>
    public static bool TryParseOutcome(string? text, out VerdictOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<VerdictOutcome>())
        {
            if (string.Equals(WireName(candidate), text, StringComparison.Ordinal))
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex VerifierIdPattern();
}
