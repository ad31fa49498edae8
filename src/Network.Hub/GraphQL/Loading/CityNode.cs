namespace Network.Hub.GraphQL.Loading;

/// <summary>A member city as GraphQL shows it.</summary>
/// <param name="Id">The city id, e.g. <c>NO-5001</c>.</param>
/// <param name="Name">The display name.</param>
/// <param name="Population">Inhabitants, when known.</param>
/// <param name="Synthetic">Whether its data is synthetic demo data.</param>
public sealed record CityNode(string Id, string Name, int? Population, bool Synthetic);
