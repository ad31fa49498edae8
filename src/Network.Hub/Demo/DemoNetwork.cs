using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Options;
using Network.Contracts.Catalogue;
using Network.Contracts.Messages;
using Network.Contracts.Snapshots;
using Network.Hub.Embargo;
using Network.Hub.Keys;
using Network.Hub.Storage;
using Network.ValueFiles;

namespace Network.Hub.Demo;

/// <summary>
/// The embedded demo network: on start-up, one in-process node per sample city imports the city's value
/// file, signs it with the city's own key and publishes it over the in-memory bus, through the real
/// ingestion pipeline. Keys are registered automatically, which only the demo does. Re-running is
/// harmless: snapshot ids and contents are deterministic, so the hub acknowledges them as duplicates.
/// </summary>
internal sealed class DemoNetwork(
    IServiceProvider services,
    IBus bus,
    IOptions<DemoOptions> options,
    IHostEnvironment environment,
    DemoVerifier verifier,
    TimeProvider time,
    ILogger<DemoNetwork> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, string> _answers = new();

    /// <summary>Completes when every demo snapshot has been answered; for tests and the start-up summary.</summary>
    public TaskCompletionSource<DemoSummary> Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var summary = await RunAsync(stoppingToken);
            Completed.TrySetResult(summary);
            Console.WriteLine(summary.Describe());
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Completed.TrySetCanceled(stoppingToken);
        }
        catch (Exception e) when (StorageFailure.Describe(e) is { } reason)
        {
            // The database failed under the demo (full disk, file made read-only): one line, no stack trace; readiness
            // reports the database, and the hub keeps answering what it can.
            logger.LogError("The demo network could not store its cities: {Reason}", reason);
            Completed.TrySetException(e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException or CryptographicException)
        {
            logger.LogError(e, "The demo network could not start");
            Completed.TrySetException(e);
        }
    }

    private async Task<DemoSummary> RunAsync(CancellationToken ct)
    {
        var cities = DemoCity.Embedded();
        var answered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = bus.ConnectReceiveEndpoint("demo-network-answers", e =>
        {
            e.Handler<SnapshotAccepted>(c => Answer(c.Message.SnapshotId, c.Message.Duplicate ? "already held" : "accepted", cities.Count, answered));
            e.Handler<SnapshotRejected>(c => Answer(c.Message.SnapshotId ?? Guid.Empty, "refused: " + string.Join("; ", c.Message.Reasons), cities.Count, answered));
        });
        await handle.Ready;

        var published = new List<(DemoCity City, Guid SnapshotId, int Values)>();
        foreach (var city in cities)
        {
            var (snapshotId, values) = await PublishAsync(city, ct);
            published.Add((city, snapshotId, values));
        }

        await Task.WhenAny(answered.Task, Task.Delay(TimeSpan.FromSeconds(30), ct));
        await handle.StopAsync(ct);
        var outcomes = published.Select(p => new DemoOutcome(
            p.City, p.SnapshotId, p.Values, _answers.GetValueOrDefault(p.SnapshotId, "no answer within 30 s"))).ToList();

        // The demo verifier attests Trondheim once its snapshot is held, so the demo shows verified values for real reasons.
        var trondheim = outcomes.FirstOrDefault(o => o.City.Id == DemoVerifier.CityId && o.Answer is "accepted" or "already held");
        var verification = trondheim is null
            ? $"{DemoVerifier.Name}: nothing to attest, Trondheim's snapshot is not held"
            : await verifier.AttestAsync(trondheim.SnapshotId, ct);
        return new DemoSummary(outcomes, verification);
    }

    private Task Answer(Guid snapshotId, string outcome, int expected, TaskCompletionSource answered)
    {
        _answers[snapshotId] = outcome;
        if (_answers.Count >= expected)
        {
            answered.TrySetResult();
        }

        return Task.CompletedTask;
    }

    private async Task<(Guid SnapshotId, int Values)> PublishAsync(DemoCity city, CancellationToken ct)
    {
        // Each demo city keeps its key between runs, as a real node does, in the hub's data folder.
        using var keys = await DemoKeys.LoadOrCreateAsync(Path.Combine(environment.ContentRootPath, options.Value.KeyDirectory), city.Id, ct);
        await using (var scope = services.CreateNetworkScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<KeyRegistry>();
            await registry.AddOrUpdateCityAsync(city.Id, city.Name, city.Population, city.Synthetic, ct);
            await registry.RegisterKeyAsync(city.Id, keys.PublicJwk, keys.KeyId, ct: ct);
        }

        string text;
        using (var reader = new StreamReader(city.OpenValues()))
        {
            text = await reader.ReadToEndAsync(ct);
        }

        var import = ValueFile.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)), city.File, city.Period, city.Status, city.Id, time);
        if (!import.Success)
        {
            throw new FormatException($"Demo data {city.File} does not import: " + string.Join("; ", import.Failures.Select(e => $"line {e.Line}: {e.Message}")));
        }

        // Deterministic id and signing time: a restart publishes the very same snapshot again.
        var snapshot = new Snapshot(
            NameBasedId.Of($"demo|{city.Id}|{city.Period}|{text}"),
            city.Id,
            city.Period,
            city.Status,
            Supersedes: null,
            IssuedAt: Min(new DateTimeOffset(city.Period, 12, 31, 12, 0, 0, TimeSpan.Zero), time.GetUtcNow()),
            KpiCatalogue.CurrentVersion,
            import.Value);
        await bus.Publish(new SnapshotSubmitted(keys.CreateSigner().Sign(snapshot), city.Id), ct);
        logger.LogInformation("Demo node {City} ({Name}) signed and published snapshot {Snapshot} with {Count} values", city.Id, city.Name, snapshot.SnapshotId, snapshot.Values.Count);
        return (snapshot.SnapshotId, snapshot.Values.Count);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
