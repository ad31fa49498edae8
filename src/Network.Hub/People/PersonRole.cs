
namespace Network.Hub.People;

/// <summary>
/// What a person does in the network, mirroring the OAuth clients' scopes: a coordinator (<c>network:coordinate</c> and
/// <c>network:read</c>, as a coordinator's client), a member (<c>network:read</c>, as a member city's reader), a city's
/// analyst (<c>network:read</c> and the <c>city</c> claim) or a verifier's person (<c>snapshots:verify</c> and the
/// <c>verifier</c> claim). Publishing stays a node's: no person holds <c>snapshots:publish</c>.
/// </summary>
/// <param name="Kind">The role: <see cref="Coordinator"/>, <see cref="Member"/>, <see cref="Analyst"/> or <see cref="Verifier"/>.</param>
/// <param name="CityId">The analyst's city.</param>
/// <param name="VerifierId">The verifier the person attests for.</param>
public sealed record PersonRole(string Kind, string? CityId = null, string? VerifierId = null)
{
    /// <summary>A network coordinator.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>A member city's reader.</summary>
    public const string Member = "member";

    /// <summary>A city's analyst (with the city).</summary>
    public const string Analyst = "analyst";

    /// <summary>A verifier's person (with the verifier).</summary>
    public const string Verifier = "verifier";

    /// <summary>The roles in the order the invitation form offers them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = [Coordinator, Member, Analyst, Verifier];

    /// <summary>The scopes the role holds: the Identity roles the person's account is given.</summary>
    public IReadOnlyList<string> Scopes => Kind switch
    {
        Coordinator => [Identity.Scopes.Coordinate, Identity.Scopes.Read],
        Member or Analyst => [Identity.Scopes.Read],
        Verifier => Identity.Scopes.Verifier,
        _ => [],
    };

    /// <summary>The role in words, e.g. "analyst of NO-5001".</summary>
    public string Describe() => Kind switch
    {
        Analyst => $"analyst of {CityId}",
        Verifier => $"verifier {VerifierId}",
        _ => Kind,
    };

    /// <summary>
    /// The role from the invitation form's or the admin command's fields, or why not: an analyst needs a city, a
    /// verifier a verifier id, and the ids are short and plain.
    /// </summary>
    public static (PersonRole? Role, string? Problem) Parse(string? kind, string? cityId, string? verifierId)
    {
        var k = kind?.Trim().ToLowerInvariant();
        var city = string.IsNullOrWhiteSpace(cityId) ? null : cityId.Trim();
        var verifier = string.IsNullOrWhiteSpace(verifierId) ? null : verifierId.Trim();
        return k switch
        {
            Coordinator or Member => (new PersonRole(k), null),
            Analyst when city is null => (null, "An analyst works for a city: give the city id, e.g. NO-5001."),
            Analyst when !IsPlainId(city, 16) => (null, "The city id is letters, digits and dashes, at most 16, e.g. NO-5001."),
            Analyst => (new PersonRole(k, CityId: city), null),
            Verifier when verifier is null => (null, "A verifier's person attests for a verifier: give the verifier id, e.g. demo-verifier."),
            Verifier when !IsPlainId(verifier, 64) => (null, "The verifier id is letters, digits and dashes, at most 64, e.g. demo-verifier."),
            Verifier => (new PersonRole(k, VerifierId: verifier), null),
            _ => (null, $"The role is one of {string.Join(", ", Kinds)}."),
        };
    }

    private static bool IsPlainId(string id, int maxLength) =>
        id.Length <= maxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
