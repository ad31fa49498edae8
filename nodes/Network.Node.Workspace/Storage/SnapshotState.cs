namespace Network.Node.Workspace.Storage;

/// <summary>Where one of the node's snapshots stands, from import to the hub's answer.</summary>
public enum SnapshotState
{
    /// <summary>Imported, not signed yet; a new import for the same period and status replaces it.</summary>
    Draft,

    /// <summary>Signed and in the outbox, not yet confirmed by the broker (or answered over HTTP).</summary>
    Pending,

    /// <summary>The broker confirmed it; the hub's answer has not arrived yet.</summary>
    Delivered,

    /// <summary>The hub stored it.</summary>
    Accepted,

    /// <summary>The hub refused it; the reasons say why.</summary>
    Rejected,
}
