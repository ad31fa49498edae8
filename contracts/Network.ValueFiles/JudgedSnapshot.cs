using Network.Contracts.Snapshots;

namespace Network.ValueFiles;

/// <summary>
/// The snapshot a verdict sheet is written for and read against: the facts that name it and the values it holds, as
/// the city signed them. A filled sheet may judge only these values, with their numbers and units unchanged.
/// </summary>
/// <param name="SnapshotId">The snapshot's id.</param>
/// <param name="Digest">The digest of the city's JWS (<see cref="SnapshotFormat.Digest"/>), which the attestation names.</param>
/// <param name="CityId">The city, e.g. <c>NO-5001</c>.</param>
/// <param name="Period">The reporting year.</param>
/// <param name="Values">The snapshot's values, in its order.</param>
public sealed record JudgedSnapshot(Guid SnapshotId, string Digest, string CityId, int Period, IReadOnlyList<KpiValue> Values)
{
    /// <summary>The judged snapshot for <paramref name="snapshot"/>, signed as the JWS with <paramref name="digest"/>.</summary>
    public static JudgedSnapshot Of(Snapshot snapshot, string digest)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentException.ThrowIfNullOrWhiteSpace(digest);
        return new JudgedSnapshot(snapshot.SnapshotId, digest, snapshot.CityId, snapshot.Period, snapshot.Values);
    }
}
