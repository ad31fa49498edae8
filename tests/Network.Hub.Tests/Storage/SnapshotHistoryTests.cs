using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Storage;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Storage;

/// <summary>"Current" and "as of" derived from history, on the real database filled through the real pipeline.</summary>
public sealed class SnapshotHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Signed = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
    }

    [Fact]
    public async Task A_correction_becomes_current_and_the_original_stays_current_as_of_before_it()
    {
        var original = _trondheim.Snapshot().IssuedAt(Signed).WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 1.34, "%")).Build();
        await IngestAsync(_trondheim.Keys.CreateSigner().Sign(original));
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(20, TestContext.Current.CancellationToken);
        await IngestAsync(_trondheim.Snapshot().IssuedAt(Signed.AddDays(30)).CorrectionOf(original.SnapshotId)
            .WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 1.40, "%")).Sign());

        Assert.Equal(1.40, await UnemploymentAsync(asOf: null));
        Assert.Equal(1.34, await UnemploymentAsync(asOf: between));
        Assert.Null(await UnemploymentAsync(asOf: between.AddDays(-1)));
    }

    [Fact]
    public async Task An_older_snapshot_delivered_late_does_not_displace_the_newer_one()
    {
        var older = _trondheim.Snapshot().IssuedAt(Signed).WithStatus(Contracts.Snapshots.SnapshotStatus.Preliminary)
            .WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 2.0, "%")).Sign();
        var newer = _trondheim.Snapshot().IssuedAt(Signed.AddDays(60))
            .WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 1.34, "%")).Sign();

        await IngestAsync(newer);
        await IngestAsync(older); // an outbox retry brought it in after the final one

        Assert.Equal(1.34, await UnemploymentAsync(asOf: null));
    }

    [Fact]
    public async Task Each_city_and_period_has_its_own_current_snapshot()
    {
        await IngestAsync(_trondheim.Snapshot().ForPeriod(2019).IssuedAt(Signed).WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 2.1, "%")).Sign());
        await IngestAsync(_trondheim.Snapshot().ForPeriod(2020).IssuedAt(Signed).WithValues(SnapshotBuilder.Value("EC-P-EM-1C", 1.34, "%")).Sign());

        var current = await _hub.QueryAsync(db => db.CurrentValues().OrderBy(v => v.Period).Select(v => v.Value).ToListAsync());

        Assert.Equal([2.1, 1.34], current);
    }

    private async Task IngestAsync(string jws)
    {
        var outcome = await _hub.IngestAsync(jws, TestContext.Current.CancellationToken);
        Assert.NotNull(outcome.Accepted);
    }

    private Task<double?> UnemploymentAsync(DateTimeOffset? asOf) =>
        _hub.QueryAsync(db => db.CurrentValues(asOf).Where(v => v.KpiCode == "EC-P-EM-1C").Select(v => (double?)v.Value).SingleOrDefaultAsync());
}
