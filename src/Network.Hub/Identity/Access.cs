namespace Network.Hub.Identity;

/// <summary>
/// The authorization policies, one per scope and named after it, so an endpoint says what it needs:
/// <c>.RequireAuthorization(Access.Coordinate)</c>. Each requires a valid access token of this hub that
/// grants the scope; without a token the answer is 401, with a token lacking the scope 403 (both ProblemDetails).
/// </summary>
public static class Access
{
    /// <summary>Requires <see cref="Scopes.Publish"/>.</summary>
    public const string Publish = Scopes.Publish;

    /// <summary>Requires <see cref="Scopes.Read"/>.</summary>
    public const string Read = Scopes.Read;

    /// <summary>Requires <see cref="Scopes.Coordinate"/>.</summary>
    public const string Coordinate = Scopes.Coordinate;

    /// <summary>Requires <see cref="Scopes.Verify"/>.</summary>
    public const string Verify = Scopes.Verify;
}
