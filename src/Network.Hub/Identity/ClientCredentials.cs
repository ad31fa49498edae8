namespace Network.Hub.Identity;

/// <summary>
/// An OAuth client's id and secret as the hub hands them out: once, when the client is created or its secret is
/// replaced. The hub keeps only a hash of the secret.
/// </summary>
/// <param name="ClientId">The client id, e.g. <c>node-NO-5001</c>.</param>
/// <param name="ClientSecret">The secret, shown this once.</param>
/// <param name="Scopes">The scopes the client may ask for.</param>
/// <param name="CityId">The client's city, for a city's node; <see langword="null"/> otherwise.</param>
/// <param name="Replaced">Whether the client existed and this replaced its secret (the old one no longer works).</param>
/// <param name="VerifierId">The client's verifier, for a U4SSC verifier's client; <see langword="null"/> otherwise.</param>
public sealed record ClientCredentials(string ClientId, string ClientSecret, IReadOnlyList<string> Scopes, string? CityId, bool Replaced, string? VerifierId = null);

/// <summary>An OAuth client as listed (no secret).</summary>
/// <param name="ClientId">The client id.</param>
/// <param name="DisplayName">Who it is.</param>
/// <param name="Scopes">The scopes it may ask for.</param>
/// <param name="CityId">Its city, for a city's node.</param>
/// <param name="VerifierId">Its verifier, for a U4SSC verifier's client.</param>
public sealed record ClientView(string ClientId, string? DisplayName, IReadOnlyList<string> Scopes, string? CityId, string? VerifierId = null);
