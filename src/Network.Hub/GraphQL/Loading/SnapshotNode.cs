using Network.Contracts.Snapshots;

namespace Network.Hub.GraphQL.Loading;

/// <summary>An accepted snapshot without its JWS and values (those are loaded when asked for).</summary>
/// <param name="Id">The snapshot id.</param>
/// <param name="CityId">The city.</param>
/// <param name="Period">The reporting period.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="Supersedes">For a correction, the snapshot it supersedes.</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="ReceivedAt">When the hub stored it.</param>
/// <param name="Digest">The snapshot digest.</param>
/// <param name="CatalogueVersion">The catalogue version it was written for.</param>
/// <param name="KeyId">The key that signed it.</param>
/// <param name="ValueCount">How many values it holds.</param>
public sealed record SnapshotNode(
    Guid Id,
    string CityId,
    int Period,
    SnapshotStatus Status,
    Guid? Supersedes,
    DateTimeOffset IssuedAt,
    DateTimeOffset ReceivedAt,
    string Digest,
    string CatalogueVersion,
    string KeyId,
    int ValueCount);
