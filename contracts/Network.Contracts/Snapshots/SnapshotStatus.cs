namespace Network.Contracts.Snapshots;

/// <summary>Where a snapshot stands in a city's reporting year. Wire names are lower case.</summary>
public enum SnapshotStatus
{
    /// <summary><c>preliminary</c>: early figures, shared inside the network only.</summary>
    Preliminary,

    /// <summary><c>final</c>: the city's figures for the period.</summary>
    Final,

    /// <summary><c>correction</c>: replaces the snapshot named in <see cref="Snapshot.Supersedes"/>.</summary>
    Correction,
}
