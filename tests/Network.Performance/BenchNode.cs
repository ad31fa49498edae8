using MassTransit;
using Network.Contracts.Messages;
using Network.Hub.Messaging;
using Network.Messaging;
using Network.Testing.Hub;

namespace Network.Performance;

/// <summary>
/// A city node as <c>TestNode</c> is one (the answers routed to its own city only, publishes confirmed by the
/// broker), but counting answers instead of keeping them, and publishing many snapshots at once.
/// </summary>
public sealed class BenchNode : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private BenchNode(string cityId, IBusControl bus, Countdown answers, RejectionLog rejections)
    {
        CityId = cityId;
        _bus = bus;
        Answers = answers;
        Rejections = rejections;
    }

    /// <summary>The node's city.</summary>
    public string CityId { get; }

    /// <summary>Every answer (acceptance or refusal) received.</summary>
    public Countdown Answers { get; }

    /// <summary>Refusals received: a benchmark run with any is invalid.</summary>
    public RejectionLog Rejections { get; }

    /// <summary>Starts a node for <paramref name="cityId"/> on <paramref name="virtualHost"/> of the local broker.</summary>
    public static async Task<BenchNode> StartAsync(string cityId, string virtualHost)
    {
        var answers = new Countdown();
        var rejections = new RejectionLog();
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            TestNode.ConnectToLocalBroker(cfg, virtualHost);
            cfg.RouteAnswersByCity();
            cfg.ReceiveEndpoint(AnswerRouting.NodeQueueFor(cityId), e =>
            {
                e.ReceiveAnswersFor(cityId);
                e.PrefetchCount = 256;
                e.Handler<SnapshotAccepted>(_ =>
                {
                    answers.Signal();
                    return Task.CompletedTask;
                });
                e.Handler<SnapshotRejected>(c =>
                {
                    rejections.Add(c.Message);
                    answers.Signal();
                    return Task.CompletedTask;
                });
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(timeout.Token);
        return new BenchNode(cityId, bus, answers, rejections);
    }

    /// <summary>
    /// Publishes every JWS as <see cref="SnapshotSubmitted"/>, at most <paramref name="inFlight"/> awaiting
    /// the broker's confirm at a time; returns when the broker has confirmed them all.
    /// </summary>
    public Task PublishAllAsync(IReadOnlyList<string> jws, int inFlight) =>
        Parallel.ForEachAsync(
            jws,
            new ParallelOptions { MaxDegreeOfParallelism = inFlight },
            async (one, ct) => await _bus.Publish(new SnapshotSubmitted(one, CityId), ct));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StopAsync(timeout.Token);
    }
}

/// <summary>The refusals a node received.</summary>
public sealed class RejectionLog
{
    private readonly List<SnapshotRejected> _rejected = [];

    /// <summary>How many.</summary>
    public int Count
    {
        get
        {
            lock (_rejected)
            {
                return _rejected.Count;
            }
        }
    }

    /// <summary>Records one.</summary>
    public void Add(SnapshotRejected rejected)
    {
        lock (_rejected)
        {
            _rejected.Add(rejected);
        }
    }

    /// <summary>Throws, describing the first refusal, if there was any.</summary>
    public void ThrowIfAny()
    {
        lock (_rejected)
        {
            if (_rejected.Count > 0)
            {
                var first = _rejected[0];
                throw new InvalidOperationException(
                    $"The hub refused {_rejected.Count} benchmark snapshot(s); the first for: {string.Join("; ", first.Reasons)}");
            }
        }
    }
}
