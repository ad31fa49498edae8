using Network.Contracts.Attestations;
using Network.Contracts.Messages;
using Network.Contracts.Verification;
using Network.Hub.Attestations;
using Network.Hub.Ingestion;

namespace Network.Hub.Problems;

/// <content>The attestation door (<c>/api/attestations</c>).</content>
public sealed partial record HubProblem
{
    /// <summary>The problem type of an attestation the hub refused.</summary>
    public const string AttestationRejectedType = "https://u4ssc.network/problems/attestation-rejected";

    /// <summary>The problem type of an attestation by another verifier than the token's.</summary>
    public const string NotYourVerifierType = "https://u4ssc.network/problems/not-your-verifier";

    /// <summary>415: an attestation not sent as <c>application/jose</c>.</summary>
    public static HubProblem AttestationNotJose(string? contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Send the attestation as application/jose",
            $"The body must be the compact JWS with Content-Type: {SnapshotsApi.JoseMediaType}; this request has '{contentType}'.");

    /// <summary>413: an attestation body larger than <see cref="SnapshotsApi.MaxBodyBytes"/>.</summary>
    public static HubProblem AttestationTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Attestation too large",
            $"The body is larger than {SnapshotsApi.MaxBodyBytes:N0} bytes; an attestation payload may be at most {AttestationFormat.MaxPayloadBytes:N0} bytes.");

    /// <summary>
    /// 403: the attestation names another verifier than the token's (or the token is no verifier's): <c>tokenVerifier</c>,
    /// and one <c>errors</c> entry of the same shape as every other refusal's.
    /// </summary>
    public static HubProblem NotTheTokensVerifier(string? tokenVerifier, Rejection rejection)
    {
        ArgumentNullException.ThrowIfNull(rejection);
        return new HubProblem(StatusCodes.Status403Forbidden, "Not this client's verifier", rejection.Message + " Nothing was stored.") { Type = NotYourVerifierType }
            .With("tokenVerifier", tokenVerifier)
            .With("errors", new[] { View(rejection) });
    }

    /// <summary>
    /// The hub's refusal (<see cref="AttestationsApi.StatusFor"/>: 409 for a conflict with a stored attestation, else 400)
    /// with <c>attestationId</c>, <c>digest</c> and every reason in <c>errors</c> (<see cref="RejectionView"/>).
    /// </summary>
    public static HubProblem AttestationRejected(AttestationRejected rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var status = AttestationsApi.StatusFor(rejected.Reasons);
        var title = status == StatusCodes.Status409Conflict ? "Attestation conflicts with one already stored" : "Attestation refused";
        return new HubProblem(status, title,
                $"The attestation was refused for {rejected.Reasons.Count} reason(s); nothing was stored. Each entry in 'errors' names the field and why.")
            {
                Type = AttestationRejectedType,
            }
            .With("attestationId", rejected.AttestationId)
            .With("digest", rejected.Digest)
            .With("errors", rejected.Reasons.Select(View).ToArray());
    }

    private static RejectionView View(Rejection r) => new(r.Reason.ToString(), (int)r.Reason, r.Field, r.Message);
}
