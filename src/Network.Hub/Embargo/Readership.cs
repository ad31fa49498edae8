namespace Network.Hub.Embargo;

/// <summary>
/// Who is reading, as far as the embargo is concerned. A city's preliminary figures stay inside the network until
/// it publishes final ones; everyone else reads the public record only.
/// </summary>
public enum Readership
{
    /// <summary>Anyone outside the network: final (public) snapshots, corrections of them, and their values.</summary>
    Public,

    /// <summary>Member cities and coordinators (scope <c>network:read</c> or <c>network:coordinate</c>), and the hub itself: everything.</summary>
    Network,
}
