using Network.Contracts.Snapshots;

namespace Network.ValueFiles;

/// <summary>The snapshot a value file is read for: the values are checked against it, as the hub will check them.</summary>
/// <param name="CityId">The city, e.g. <c>NO-5001</c>.</param>
/// <param name="Period">The reporting year.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="Supersedes">For a correction, the snapshot it replaces; otherwise <see langword="null"/>.</param>
public sealed record ImportTarget(string CityId, int Period, SnapshotStatus Status, Guid? Supersedes = null);
