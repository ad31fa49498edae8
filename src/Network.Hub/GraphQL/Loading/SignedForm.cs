namespace Network.Hub.GraphQL.Loading;

/// <summary>A snapshot's signed form as one reader may see it.</summary>
/// <param name="Jws">The compact JWS; <see langword="null"/> for a reader outside the network when it holds a note in the clear (format 1).</param>
/// <param name="Disclosures">The disclosures of a format-2 snapshot's notes, for members (empty without notes); <see langword="null"/> for anyone else.</param>
public sealed record SignedForm(string? Jws, IReadOnlyList<string>? Disclosures);
