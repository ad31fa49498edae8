using Network.Contracts.Enrollment;
using Network.Hub.Identity;
using Network.Hub.Keys;

namespace Network.Hub.Problems;

/// <content>Access, tokens, enrollment and membership (<c>/connect/token</c>, <c>/api/enrollments</c>, <c>/api/cities</c>).</content>
public sealed partial record HubProblem
{
    /// <summary>401: no valid access token; <paramref name="why"/> is the token validation's reason, if there was a token.</summary>
    public static HubProblem AccessTokenNeeded(string? why) =>
        new(StatusCodes.Status401Unauthorized, "An access token is needed", why is null
            ? $"This endpoint needs an access token of this hub: get one from POST {TokenEndpoint.Path} with your client id and secret (grant_type=client_credentials) and send it as 'Authorization: Bearer <token>'."
            : $"The access token was refused: {why.TrimEnd('.')}. Get a new one from POST {TokenEndpoint.Path}.");

    /// <summary>403: the token lacks a scope the endpoint needs (<c>requiredScopes</c>, when known).</summary>
    public static HubProblem AccessTokenTooNarrow(IReadOnlyList<string> needed, IReadOnlyCollection<string> granted)
    {
        ArgumentNullException.ThrowIfNull(needed);
        ArgumentNullException.ThrowIfNull(granted);
        var problem = new HubProblem(StatusCodes.Status403Forbidden, "The access token does not allow this", needed.Count == 0
            ? "The access token does not allow this request."
            : $"This endpoint needs the scope '{string.Join("', '", needed)}'; the token grants {(granted.Count == 0 ? "no scope" : $"'{string.Join("', '", granted)}'")}. Ask the network coordinator for a client with that scope.");
        return needed.Count == 0 ? problem : problem.With("requiredScopes", needed);
    }

    /// <summary>404: a path routing took for the token endpoint that the authorization server does not.</summary>
    public static HubProblem NotTheTokenEndpoint() =>
        new(StatusCodes.Status404NotFound, "Not the token endpoint", $"Ask for tokens at POST {TokenEndpoint.Path}.");

    /// <summary>415: an enrollment request not sent as <c>application/jose</c>.</summary>
    public static HubProblem EnrollmentNotJose() =>
        new(StatusCodes.Status415UnsupportedMediaType, "Send the request as application/jose",
            $"The body must be the signed enrollment request the node's init wrote (enrollment.jws), or a verifier's, with Content-Type: {EnrollmentsApi.JoseMediaType}.");

    /// <summary>413: an enrollment request longer than <see cref="EnrollmentRequest.MaxLength"/>.</summary>
    public static HubProblem EnrollmentTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Enrollment request too large",
            $"An enrollment request is at most {EnrollmentRequest.MaxLength:N0} characters.");

    /// <summary>409: the enrollment's key is registered already.</summary>
    public static HubProblem KeyRegisteredAlready(string conflict) =>
        new(StatusCodes.Status409Conflict, "The key is registered already", conflict);

    /// <summary>400: not a valid signed enrollment request; <c>errors</c> lists each field and why.</summary>
    public static HubProblem InvalidEnrollment(IReadOnlyList<EnrollmentProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return new HubProblem(StatusCodes.Status400BadRequest, "Not a valid signed enrollment request",
                $"The request was refused for {problems.Count} reason(s); nothing was kept. Each entry in 'errors' names the field and why.")
            .With("errors", problems.Select(p => new { field = p.Field, message = p.Message }).ToArray());
    }

    /// <summary>400: an enrollment status filter that is no status.</summary>
    public static HubProblem UnknownEnrollmentStatus(string status) =>
        new(StatusCodes.Status400BadRequest, "Unknown status",
            $"'{status}' is not a status; use pending, approved or rejected, or leave it out for all.");

    /// <summary>400: an enrollment kind filter that is no kind.</summary>
    public static HubProblem UnknownEnrollmentKind(string kind) =>
        new(StatusCodes.Status400BadRequest, "Unknown kind",
            $"'{kind}' is not a kind of enrollment request; use city or verifier, or leave it out for both.");

    /// <summary>400: a rejection without a reason (or one too long).</summary>
    public static HubProblem RejectionNeedsReason() =>
        new(StatusCodes.Status400BadRequest, "A rejection needs a reason",
            "Send {\"reason\": \"...\"} (1 to 1,000 characters): the node's analyst reads it.");

    /// <summary>409: the enrollment request cannot be decided (decided already, or its key taken).</summary>
    public static HubProblem EnrollmentUndecidable(string? conflict) =>
        new(StatusCodes.Status409Conflict, "The request cannot be decided", conflict);

    /// <summary>404: no enrollment request has this id.</summary>
    public static HubProblem NoSuchEnrollment(Guid enrollmentId) =>
        new(StatusCodes.Status404NotFound, "No such enrollment request", $"The hub holds no enrollment request {enrollmentId}.");

    /// <summary>400: the city registration's fields (<c>errors</c> per field).</summary>
    public static HubProblem CityNotRegistrable(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The city cannot be registered", null) { Errors = errors };

    /// <summary>400: the key registration's fields (<c>errors</c> per field).</summary>
    public static HubProblem KeyNotRegistrable(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The key cannot be registered", null) { Errors = errors };

    /// <summary>404: the city has no key with this id.</summary>
    public static HubProblem NoSuchKey(string cityId, string keyId) =>
        new(StatusCodes.Status404NotFound, "No such key", $"{cityId} has no key '{keyId}'; GET /api/cities/{cityId}/keys lists its keys.");

    /// <summary>409: the key is registered to another member, a city or a verifier (a key signs for one member only).</summary>
    public static HubProblem KeyOfAnotherMember(string keyId, KeyOwner owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return new(StatusCodes.Status409Conflict, owner.IsVerifier ? "The key is registered to a verifier" : "The key is registered to a city",
            $"The key {keyId} is registered to {owner.Description}; a key signs for one member only.");
    }

    /// <summary>404: no member city has this id; <paramref name="hint"/> says what to do (register it, or how ids look).</summary>
    public static HubProblem NoSuchCity(string cityId, string hint) =>
        new(StatusCodes.Status404NotFound, "No such city", $"No member city has the id '{cityId}'. {hint}");
}
