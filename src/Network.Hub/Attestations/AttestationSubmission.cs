using Network.Hub.Storage;

namespace Network.Hub.Attestations;

/// <summary>A signed attestation as it arrives at either door.</summary>
/// <param name="Jws">The compact JWS as received.</param>
/// <param name="Door">Which door.</param>
/// <param name="SenderVerifierId">The sending verifier (the bus message's, or the HTTP token's), for routing the answer;
/// never trusted for acceptance (the HTTP door has already refused a token of another verifier).</param>
public sealed record AttestationSubmission(string Jws, SubmissionDoor Door, string? SenderVerifierId = null);
