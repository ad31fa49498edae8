using System.Collections.Concurrent;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Storage;

namespace Network.Node.Tests.Support;

/// <summary>A hub connection whose outcomes the test decides: delivered (confirmed), answered, or failed.</summary>
public sealed class ScriptedHub : IHubConnection
{
    private readonly ConcurrentQueue<Func<OutboxEntry, DeliveryOutcome>> _script = new();

    public List<OutboxEntry> Attempts { get; } = [];

    public Func<HubAnswer, Task>? OnAnswer { get; private set; }

    public string Description => "the scripted hub";

    /// <summary>The next attempts' outcomes, in order; once the script is used up, every attempt is confirmed.</summary>
    public ScriptedHub Then(params Func<OutboxEntry, DeliveryOutcome>[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            _script.Enqueue(outcome);
        }

        return this;
    }

    public Task StartAsync(Func<HubAnswer, Task> onAnswer, CancellationToken ct)
    {
        OnAnswer = onAnswer;
        return Task.CompletedTask;
    }

    public Task<DeliveryOutcome> DeliverAsync(OutboxEntry entry, CancellationToken ct)
    {
        Attempts.Add(entry);
        return Task.FromResult(_script.TryDequeue(out var next) ? next(entry) : DeliveryOutcome.Confirmed);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static DeliveryOutcome Fail(OutboxEntry _) => DeliveryOutcome.Failed("the broker did not confirm within 15 s");

    public static DeliveryOutcome Confirm(OutboxEntry _) => DeliveryOutcome.Confirmed;
}
