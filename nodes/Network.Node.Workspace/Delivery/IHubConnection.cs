using Network.Node.Workspace.Storage;

namespace Network.Node.Workspace.Delivery;

/// <summary>
/// A way to hand signed snapshots to the hub and hear its answers: the RabbitMQ bus (<see cref="RabbitMqHubConnection"/>)
/// or HTTPS (<see cref="HttpHubConnection"/>).
/// </summary>
public interface IHubConnection : IAsyncDisposable
{
    /// <summary>Where snapshots go, in words, for messages.</summary>
    string Description { get; }

    /// <summary>
    /// Connects and starts receiving answers, which are handed to <paramref name="onAnswer"/> as they arrive (on the
    /// bus, at any time; over HTTP, never: the answer is the response).
    /// </summary>
    /// <exception cref="HubUnreachableException">The hub (or its broker) cannot be reached now.</exception>
    Task StartAsync(Func<HubAnswer, Task> onAnswer, CancellationToken ct);

    /// <summary>Hands one snapshot over. Never throws for a delivery problem: the outcome says to try again later.</summary>
    Task<DeliveryOutcome> DeliverAsync(OutboxEntry entry, CancellationToken ct);
}

/// <summary>The hub, or the broker in front of it, cannot be reached.</summary>
public sealed class HubUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HubUnreachableException()
    {
    }

    /// <summary>Creates the exception with a message saying what could not be reached.</summary>
    public HubUnreachableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public HubUnreachableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
