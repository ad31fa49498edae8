using BenchmarkDotNet.Attributes;
using Network.Contracts.Catalogue;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// Snapshots of 91 values per second, three ways, in one run:
/// <list type="bullet">
/// <item><see cref="Ingestion"/>: a node publishes over RabbitMQ to the real hub (in process, RabbitMQ transport,
/// SQLite file), which verifies, stores and answers; timed from the first publish until the node has every
/// acceptance back, so each counted snapshot is committed and the node knows it.</item>
/// <item><see cref="Baseline"/>: the same messages, the same publisher, through MassTransit on RabbitMQ to a consumer
/// with the hub's delivery policy that only counts; timed until every message was consumed.</item>
/// <item><see cref="VerificationAlone"/>: <see cref="SnapshotVerifier"/> on the same JWSs, one thread.</item>
/// </list>
/// One operation is one snapshot (<c>OperationsPerInvoke</c>), so Mean is the time per snapshot.
/// </summary>
[Config(typeof(IngestionConfig))]
public class IngestionBenchmarks
{
    /// <summary>Snapshots per invocation.</summary>
    public const int Snapshots = 2_000;

    /// <summary>Publishes awaiting the broker's confirm at once.</summary>
    public const int InFlight = 64;

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private TestCity _city = null!;
    private Queue<string[]> _pool = new();
    private string[] _batch = [];

    private RabbitMqBroker.VirtualHost? _vhost;
    private IngestionRig? _rig;
    private BenchNode? _node;
    private BaselineReceiver? _receiver;
    private SnapshotVerifier _verifier = null!;

    // ---- Ingestion ------------------------------------------------------------------------------------

    [GlobalSetup(Target = nameof(Ingestion))]
    public void SetUpIngestion() => SetUpIngestionAsync().GetAwaiter().GetResult();

    private async Task SetUpIngestionAsync()
    {
        PrepareWorkload();
        _rig = await IngestionRig.StartAsync(_city);
    }

    [IterationSetup(Target = nameof(Ingestion))]
    public void NextIngestionBatch() => _batch = NextBatch();

    /// <summary>Publish N snapshots to the hub and wait for every acceptance.</summary>
    [Benchmark(OperationsPerInvoke = Snapshots)]
    public Task Ingestion() => _rig!.IngestAsync(_batch, InFlight, Patience);

    [GlobalCleanup(Target = nameof(Ingestion))]
    public void TearDownIngestion() => TearDownAsync().GetAwaiter().GetResult();

    // ---- Baseline -------------------------------------------------------------------------------------

    [GlobalSetup(Target = nameof(Baseline))]
    public void SetUpBaseline() => SetUpBaselineAsync().GetAwaiter().GetResult();

    private async Task SetUpBaselineAsync()
    {
        PrepareWorkload();
        _vhost = await RabbitMqBroker.CreateVirtualHostAsync();
        _receiver = await BaselineReceiver.StartAsync(_vhost.Name);
        _node = await BenchNode.StartAsync(_city.CityId, _vhost.Name);
    }

    [IterationSetup(Target = nameof(Baseline))]
    public void NextBaselineBatch() => _batch = NextBatch();

    /// <summary>Publish the same N snapshots to a consumer that only counts, and wait until it has them all.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Snapshots)]
    public async Task Baseline()
    {
        var consumed = _receiver!.Consumed.Expect(_batch.Length);
        await _node!.PublishAllAsync(_batch, InFlight);
        await Countdown.WaitAsync(consumed, _receiver.Consumed, _batch.Length, Patience, "messages consumed");
    }

    [GlobalCleanup(Target = nameof(Baseline))]
    public void TearDownBaseline() => TearDownAsync().GetAwaiter().GetResult();

    // ---- Verification alone ---------------------------------------------------------------------------

    [GlobalSetup(Target = nameof(VerificationAlone))]
    public void SetUpVerification()
    {
        PrepareWorkload();
        _batch = _pool.Peek();
        _verifier = new SnapshotVerifier(new InMemoryKeyDirectory(_city.Registration), KpiCatalogue.Default, TimeProvider.System);
    }

    /// <summary>Verify the same N JWSs, one after another on one thread.</summary>
    [Benchmark(OperationsPerInvoke = Snapshots)]
    public async Task VerificationAlone()
    {
        foreach (var jws in _batch)
        {
            var result = await _verifier.VerifyAsync(jws);
            if (!result.IsValid)
            {
                throw new InvalidOperationException($"A benchmark snapshot does not verify: {string.Join("; ", result.Rejections)}");
            }
        }
    }

    [GlobalCleanup(Target = nameof(VerificationAlone))]
    public void TearDownVerification() => _city.Dispose();

    // ---- shared ---------------------------------------------------------------------------------------

    // Every invocation of Ingestion needs snapshots the hub has not seen (a repeat is only a duplicate
    // acknowledgement), so enough batches for every invocation are signed here, outside the measurement.
    private void PrepareWorkload()
    {
        _city = TestCity.Trondheim();
        _pool = new Queue<string[]>();
        for (var i = 0; i < IngestionConfig.InvocationsPerBenchmark; i++)
        {
            _pool.Enqueue(FullSnapshots.Sign(_city, Snapshots));
        }
    }

    private string[] NextBatch() =>
        _pool.TryDequeue(out var batch) ? batch : FullSnapshots.Sign(_city, Snapshots); // signed outside the measurement too

    private async Task TearDownAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        if (_rig is not null)
        {
            await _rig.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        (_node, _receiver, _rig, _vhost) = (null, null, null, null);
        _city.Dispose();
    }
}
