namespace Network.Hub.Storage;

/// <summary>Which way a submission reached the hub.</summary>
public enum SubmissionDoor
{
    /// <summary>A <c>SnapshotSubmitted</c> message on the bus.</summary>
    Bus,

    /// <summary><c>POST /api/snapshots</c>.</summary>
    Http,

    /// <summary>The embedded demo network, in process.</summary>
    Demo,
}
