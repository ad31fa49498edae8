namespace Network.Node.Workspace.Delivery;

/// <summary>What became of one delivery attempt: handed over (answer to follow), answered at once, or failed.</summary>
public sealed record DeliveryOutcome
{
    private DeliveryOutcome(HubAnswer? answer, string? failure)
    {
        Answer = answer;
        Failure = failure;
    }

    /// <summary>The hub's answer, when it came with the delivery (HTTP).</summary>
    public HubAnswer? Answer { get; }

    /// <summary>Why the attempt failed; the snapshot stays in the outbox for the next attempt.</summary>
    public string? Failure { get; }

    /// <summary>Whether the next holder has the snapshot (the broker confirmed it, or the hub answered).</summary>
    public bool Delivered => Failure is null;

    /// <summary>The broker confirmed the snapshot; the hub's answer comes later.</summary>
    public static DeliveryOutcome Confirmed { get; } = new(null, null);

    /// <summary>The hub answered at once.</summary>
    public static DeliveryOutcome Answered(HubAnswer answer) => new(answer ?? throw new ArgumentNullException(nameof(answer)), null);

    /// <summary>The attempt failed, for <paramref name="reason"/>; try again later.</summary>
    public static DeliveryOutcome Failed(string reason) => new(null, reason);
}
