using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Network.Benchmarking.Scoring;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Embargo;
using Network.Hub.OData;
using Network.Hub.Scoring;
using Network.Hub.Storage;
using Network.Hub.Tests.Verified;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Scoring;

/// <summary>
/// The engine holds each period once and follows the data: a snapshot changes only its own period, which is brought up
/// to date from the cities that published rather than read whole, and an OData page loads only the periods it shows.
/// Observed through the hub's own load metrics, on the real database filled through the real pipeline.
/// </summary>
public sealed class EngineLoadTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Signed = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();

    public async ValueTask InitializeAsync()
    {
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
        await IngestAsync(_trondheim.Snapshot().ForPeriod(2019).IssuedAt(Signed).WithValues(Unemployment(2.1)).Sign());
        await IngestAsync(_trondheim.Snapshot().ForPeriod(2020).IssuedAt(Signed).WithValues(Unemployment(1.34)).Sign());
        await IngestAsync(_bergen.Snapshot().ForPeriod(2020).IssuedAt(Signed).WithValues(Unemployment(3.0)).Sign());
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
    }

    [Fact]
    public async Task A_snapshot_changes_only_its_own_period_which_is_brought_up_to_date_without_reading_it_whole()
    {
        using var loads = new LoadRecorder(_hub.Services);
        var scores = _hub.Services.GetRequiredService<NetworkScores>();
        var before2019 = await ScorerAsync(scores, 2019);
        var before2020 = await ScorerAsync(scores, 2020);
        Assert.Equal([("whole", 2019), ("whole", 2020)], loads.Take());

        await IngestAsync(_bergen.Snapshot().ForPeriod(2020).IssuedAt(Signed.AddDays(1)).WithValues(Unemployment(2.5), Broadband(88)).Sign());
        var after2019 = await ScorerAsync(scores, 2019);
        var after2020 = await ScorerAsync(scores, 2020);

        Assert.Same(before2019, after2019);
        Assert.NotSame(before2020, after2020);
        Assert.Equal([("update", 2020)], loads.Take());
        Assert.Equal(await WholePeriodAsync(2020), Values(after2020));
        Assert.Equal([("NO-4601", "EC-ICT-ICT-1C", 88.0), ("NO-4601", "EC-P-EM-1C", 2.5)], ValuesOf(after2020, "NO-4601")); // catalogue order
        Assert.Same(after2020, await ScorerAsync(scores, 2020)); // nothing new: the same engine
        Assert.Empty(loads.Take());
    }

    [Fact]
    public async Task An_older_snapshot_delivered_late_leaves_the_updated_period_as_a_whole_read_would()
    {
        var scores = _hub.Services.GetRequiredService<NetworkScores>();
        await ScorerAsync(scores, 2020);

        await IngestAsync(_trondheim.Snapshot().ForPeriod(2020).IssuedAt(Signed.AddDays(-10)).WithValues(Unemployment(9.9)).Sign());

        Assert.Equal(await WholePeriodAsync(2020), Values(await ScorerAsync(scores, 2020)));
        Assert.Contains(("NO-5001", "EC-P-EM-1C", 1.34), Values(await ScorerAsync(scores, 2020)));
    }

    [Fact]
    public async Task An_OData_page_of_one_period_loads_the_engine_of_that_period_only()
    {
        using var loads = new LoadRecorder(_hub.Services);
        using var client = _hub.CreateClient();

        var page = await client.GetStringAsync("/odata/KpiValues?$filter=Period eq 2020&$select=CityId,Score,Rank", TestContext.Current.CancellationToken);

        Assert.Equal([("whole", 2020)], loads.Take());
        Assert.Contains("\"Rank\":1", page, StringComparison.Ordinal); // the engine's columns came with the page
    }

    [Fact]
    public async Task An_OData_page_is_read_again_only_when_a_snapshot_of_a_period_it_shows_arrives()
    {
        await using var scope = _hub.Services.CreateReadingScope(Readership.Public);
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();
        var engine = EngineColumns.For(db, _hub.Services.GetRequiredService<NetworkScores>(), asOf: null);
        await engine.LoadPeriodsAsync([2020], TestContext.Current.CancellationToken);

        await IngestAsync(_trondheim.Snapshot().ForPeriod(2018).IssuedAt(Signed).WithValues(Unemployment(2.2)).Sign());
        Assert.False(await engine.ChangedAsync(TestContext.Current.CancellationToken));

        await IngestAsync(_bergen.Snapshot().ForPeriod(2020).IssuedAt(Signed.AddDays(1)).WithValues(Unemployment(2.5)).Sign());
        Assert.True(await engine.ChangedAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_hub_that_starts_on_stored_snapshots_has_every_period_loaded_before_the_first_request_asks()
    {
        await using var restarted = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Storage:ConnectionString"] = _hub.ConnectionString,
            [EnginePreload.Setting] = "true",
        });
        var preload = restarted.Services.GetServices<IHostedService>().OfType<EnginePreload>().Single();
        await preload.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        using var loads = new LoadRecorder(restarted.Services);
        var scores = restarted.Services.GetRequiredService<NetworkScores>();

        foreach (var readership in new[] { Readership.Public, Readership.Network })
        {
            Assert.Equal(2, (await scores.ForPeriodAsync(readership, 2020, cancellationToken: TestContext.Current.CancellationToken)).Period.Cities.Count);
            Assert.Single((await scores.ForPeriodAsync(readership, 2019, cancellationToken: TestContext.Current.CancellationToken)).Period.Cities);
        }

        Assert.Empty(loads.Take()); // every one was in memory already
    }

    [Fact]
    public async Task An_attestation_brings_the_attested_citys_verdicts_into_the_engine_without_reading_the_period_whole()
    {
        using var loads = new LoadRecorder(_hub.Services);
        var scores = _hub.Services.GetRequiredService<NetworkScores>();
        var before = await ScorerAsync(scores, 2020);
        var verifiedBefore = await scores.ForPeriodAsync(Readership.Network, 2020, null, null, ScoringBasis.AsVerified, TestContext.Current.CancellationToken);
        Assert.Equal([("whole", 2020)], loads.Take()); // the verified network is derived from the reported one in memory
        var trondheim2020 = await _hub.QueryAsync(db => db.Snapshots.Where(s => s.CityId == "NO-5001" && s.Period == 2020).Select(s => s.SnapshotId).SingleAsync());

        await VerdictSeed.AttestAsync(_hub, trondheim2020, Signed.AddDays(5), [(Unemployment(1.34), VerdictOutcome.Verified)]);
        var after = await ScorerAsync(scores, 2020);
        var verifiedAfter = await scores.ForPeriodAsync(Readership.Network, 2020, null, null, ScoringBasis.AsVerified, TestContext.Current.CancellationToken);

        Assert.False(before.Period.ValuesOf("NO-5001").Single().Verified);
        Assert.True(after.Period.ValuesOf("NO-5001").Single().Verified);
        Assert.False(after.Period.ValuesOf("NO-4601").Single().Verified);
        Assert.Equal([("update", 2020)], loads.Take());
        Assert.Empty(verifiedBefore.Period.Cities);
        Assert.Equal(["NO-5001"], verifiedAfter.Period.Cities);
        Assert.Same(verifiedAfter, await scores.ForPeriodAsync(Readership.Network, 2020, null, null, ScoringBasis.AsVerified, TestContext.Current.CancellationToken));
    }

    private static KpiValue Unemployment(double value) => SnapshotBuilder.Value("EC-P-EM-1C", value, "%");

    private static KpiValue Broadband(double value) => SnapshotBuilder.Value("EC-ICT-ICT-1C", value, "%");

    private static Task<Scorer> ScorerAsync(NetworkScores scores, int period) =>
        scores.ForPeriodAsync(Readership.Network, period, cancellationToken: TestContext.Current.CancellationToken);

    private static List<(string City, string Kpi, double Value)> Values(Scorer scorer) =>
        [.. scorer.Period.Cities.SelectMany(scorer.Period.ValuesOf).Select(v => (v.CityId, v.Kpi, v.Value)).Order()];

    private static List<(string City, string Kpi, double Value)> ValuesOf(Scorer scorer, string city) =>
        [.. scorer.Period.ValuesOf(city).Select(v => (v.CityId, v.Kpi, v.Value))];

    private Task<List<(string City, string Kpi, double Value)>> WholePeriodAsync(int period) =>
        _hub.QueryAsync(async db => (await db.CurrentValuesOf(period).Select(v => new { v.CityId, v.KpiCode, v.Value }).ToListAsync())
            .Select(v => (v.CityId, v.KpiCode, v.Value)).Order().ToList());

    private async Task IngestAsync(string jws)
    {
        var outcome = await _hub.IngestAsync(jws, TestContext.Current.CancellationToken);
        Assert.NotNull(outcome.Accepted);
    }

    /// <summary>Records this hub's period loads (kind, period) from its <see cref="EngineLoadMetrics"/>.</summary>
    private sealed class LoadRecorder : IDisposable
    {
        private readonly ConcurrentQueue<(string Kind, int Period)> _loads = new();
        private readonly MeterListener _listener = new();

        public LoadRecorder(IServiceProvider services)
        {
            // The factory hands out one meter per name: the same instance the hub's metrics record on, so only this hub is heard.
            var meter = services.GetRequiredService<IMeterFactory>().Create(EngineLoadMetrics.MeterName);
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
            {
                string? kind = null;
                var period = 0;
                foreach (var tag in tags)
                {
                    (kind, period) = tag.Key switch
                    {
                        "kind" => ((string?)tag.Value, period),
                        "period" => (kind, (int)tag.Value!),
                        _ => (kind, period),
                    };
                }

                _loads.Enqueue((kind!, period));
            });
            _listener.Start();
        }

        /// <summary>The loads recorded since the last call, in order.</summary>
        public List<(string Kind, int Period)> Take()
        {
            var taken = new List<(string, int)>();
            while (_loads.TryDequeue(out var load))
            {
                taken.Add(load);
            }

            return taken;
        }

        public void Dispose() => _listener.Dispose();
    }
}
