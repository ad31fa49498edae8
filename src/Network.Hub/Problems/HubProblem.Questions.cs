namespace Network.Hub.Problems;

/// <content>The verifier's sheet and the question threads (<c>/api/verification/...</c>, <c>/api/cities/{cityId}/questions</c>).</content>
public sealed partial record HubProblem
{
    /// <summary>403: a token with <c>snapshots:verify</c> that belongs to no verifier (no <c>verifier</c> claim).</summary>
    public static HubProblem NoVerifierOnToken() =>
        new(StatusCodes.Status403Forbidden, "Not a verifier's token",
            "This token carries no verifier: only the client a verifier received when its enrollment was approved may do this.")
        {
            Errors = new Dictionary<string, string[]> { ["verifier"] = ["the access token has no 'verifier' claim; use the verifier's own client id and secret"] },
        };

    /// <summary>403: the token's verifier is not (or no longer) assigned to the city; <paramref name="field"/> names where the city came from.</summary>
    public static HubProblem VerifierNotAssigned(string verifierId, string cityId, string field) =>
        new(StatusCodes.Status403Forbidden, "Not assigned to this city",
            $"The verifier {verifierId} is not assigned to {cityId}; a network coordinator assigns verifiers to cities.")
        {
            Errors = new Dictionary<string, string[]> { [field] = [$"{verifierId} is not assigned to {cityId}"] },
        };

    /// <summary>404: no stored snapshot has this id (<paramref name="field"/> names where the id came from).</summary>
    public static HubProblem NoSnapshotToVerify(Guid snapshotId, string field) =>
        NoSuchSnapshot(snapshotId) with { Errors = new Dictionary<string, string[]> { [field] = [$"the hub holds no snapshot {snapshotId}"] } };

    /// <summary>400: the request's fields (<c>errors</c> per field).</summary>
    public static HubProblem QuestionNotValid(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The request is not valid", "Each entry in 'errors' names the field and why; nothing was stored.") { Errors = errors };

    /// <summary>403: a node's token for another city than the one in the path (or a token no city's node holds).</summary>
    public static HubProblem NotTheCitysNode(string? tokenCity, string cityId) =>
        new(StatusCodes.Status403Forbidden, "Not this city's node", tokenCity is null
            ? $"Only {cityId}'s own node, a verifier assigned to {cityId} or a network coordinator reads and writes {cityId}'s questions."
            : $"This token is the node of {tokenCity}; a node reads and answers its own city's questions only.")
        {
            Errors = new Dictionary<string, string[]> { ["cityId"] = [tokenCity is null ? "the token is neither this city's node, an assigned verifier nor a coordinator" : $"the token's city is {tokenCity}, not {cityId}"] },
        };

    /// <summary>404: there is no question in the thread the answer is for.</summary>
    public static HubProblem NoQuestionToAnswer(string cityId, int period, string kpi, string? dataPoint, string verifierId) =>
        new(StatusCodes.Status404NotFound, "No question to answer",
            $"{verifierId} has asked {cityId} no question about {kpi}{(dataPoint is null ? "" : $" ({dataPoint})")} in {period}; GET /api/cities/{cityId}/questions lists the open ones.")
        {
            Errors = new Dictionary<string, string[]> { ["kpi"] = [$"no question of {verifierId} about this value in {period}"] },
        };
}
