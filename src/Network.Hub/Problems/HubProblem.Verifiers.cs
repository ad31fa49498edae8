namespace Network.Hub.Problems;

/// <content>Verifiers, their keys and assignments (<c>/api/verifiers</c>) and their queue (<c>/api/verification/queue</c>).</content>
public sealed partial record HubProblem
{
    /// <summary>404: no verifier has this id.</summary>
    public static HubProblem NoSuchVerifier(string verifierId) =>
        new(StatusCodes.Status404NotFound, "No such verifier",
            $"No verifier has the id '{verifierId}'. GET /api/verifiers lists them; a verifier joins by enrollment (POST /api/enrollments).");

    /// <summary>404: the verifier has no key with this id.</summary>
    public static HubProblem NoSuchVerifierKey(string verifierId, string keyId) =>
        new(StatusCodes.Status404NotFound, "No such key", $"The verifier {verifierId} has no key '{keyId}'; GET /api/verifiers/{verifierId}/keys lists its keys.");

    /// <summary>400: the assignment's fields (<c>errors</c> per field).</summary>
    public static HubProblem AssignmentNotPossible(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The verifier cannot be assigned", null) { Errors = errors };

    /// <summary>404: the verifier is not assigned to the city now.</summary>
    public static HubProblem NoSuchAssignment(string verifierId, string cityId) =>
        new(StatusCodes.Status404NotFound, "No such assignment",
            $"The verifier {verifierId} is not assigned to {cityId}; GET /api/verifiers lists each verifier's cities.");

    /// <summary>403: a token with the verify scope but no verifier (a client made by hand, not by an approval).</summary>
    public static HubProblem NotAVerifiersToken(string? clientId) =>
        new(StatusCodes.Status403Forbidden, "Not a verifier's token",
            $"The access token belongs to '{clientId}', which is no verifier's client: only a verifier's token, which names its verifier, has a queue.");
}
