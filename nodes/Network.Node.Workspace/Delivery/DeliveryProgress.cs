using Network.Node.Workspace.Storage;

namespace Network.Node.Workspace.Delivery;

/// <summary>One delivery attempt of a pass, for progress reports ("delivered 3/10").</summary>
/// <param name="Done">Attempts made in this pass so far, this one included.</param>
/// <param name="Total">Entries due in this pass.</param>
/// <param name="Entry">The snapshot attempted.</param>
/// <param name="Outcome">What became of it.</param>
public sealed record DeliveryProgress(int Done, int Total, OutboxEntry Entry, DeliveryOutcome Outcome);

/// <summary>What one delivery pass did.</summary>
/// <param name="Due">Entries that were due.</param>
/// <param name="Delivered">Entries the next holder now has (confirmed by the broker, or answered over HTTP).</param>
/// <param name="Failure">Why the pass stopped early, if an attempt failed; the rest wait for the next pass.</param>
public sealed record DeliveryReport(int Due, int Delivered, string? Failure)
{
    /// <summary>Entries still in the outbox after this pass.</summary>
    public int Remaining => Due - Delivered;
}
