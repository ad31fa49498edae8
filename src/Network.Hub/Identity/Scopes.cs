namespace Network.Hub.Identity;

/// <summary>
/// The OAuth 2.0 scopes the hub grants: each is a role in the network. A client holds the scopes its
/// registration permits; a token carries the ones it was asked for (all permitted ones when it asked for none).
/// </summary>
public static class Scopes
{
    /// <summary>A city's node publishes snapshots for its own city only (the token's <c>city</c> claim).</summary>
    public const string Publish = "snapshots:publish";

    /// <summary>A member city reads the network's data, including what is not public.</summary>
    public const string Read = "network:read";

    /// <summary>A network coordinator registers cities, approves enrollments, rotates and revokes keys.</summary>
    public const string Coordinate = "network:coordinate";

    /// <summary>A U4SSC verifier attests the snapshots of the cities it is assigned to (the token's <c>verifier</c> claim).</summary>
    public const string Verify = "snapshots:verify";

    /// <summary>Every scope the hub knows, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Publish, Read, Coordinate, Verify];

    /// <summary>What a city's node gets when its enrollment is approved.</summary>
    public static IReadOnlyList<string> Node { get; } = [Publish, Read];

    /// <summary>What a U4SSC verifier's client gets when its enrollment is approved.</summary>
    public static IReadOnlyList<string> Verifier { get; } = [Verify];
}
