using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Hub.Storage;
using Network.Testing.Hub;

namespace Network.Hub.Tests.OData;

/// <summary>
/// A hub whose store holds many full snapshots (every KPI and data point of the catalogue), written straight into the
/// database (signing and ingesting them one by one would only slow the tests down): what an expansion over the whole
/// store costs is measured here.
/// </summary>
public class LargeStoreNetwork : IAsyncLifetime
{
    public const int Cities = 30;

    public const int Periods = 4;

    public LargeStoreNetwork() : this(new Dictionary<string, string?>())
    {
    }

    protected LargeStoreNetwork(IReadOnlyDictionary<string, string?> settings) => Hub = new HubFactory(settings);

    public HubFactory Hub { get; }

    /// <summary>Stored snapshots: one final snapshot per city and period.</summary>
    public static int SnapshotCount => Cities * Periods;

    /// <summary>Values per snapshot: one per KPI, or per data point of a KPI that has them.</summary>
    public static int ValuesPerSnapshot => KpiCatalogue.Default.All.Sum(k => Math.Max(1, k.DataPoints.Count));

    public async ValueTask InitializeAsync()
    {
        var kpis = KpiCatalogue.Default.All;
        var random = new Random(11);
        await Hub.WithServicesAsync(async services =>
        {
            var db = services.GetRequiredService<NetworkDbContext>();
            for (var c = 0; c < Cities; c++)
            {
                var cityId = $"NO-{9000 + c}";
                db.Cities.Add(new CityRecord { Id = cityId, Name = $"City {c}", RegisteredAt = DateTimeOffset.UnixEpoch });
                for (var period = 2020; period < 2020 + Periods; period++)
                {
                    var id = Guid.NewGuid();
                    var values = kpis.SelectMany(k => (k.HasDataPoints ? k.DataPoints : [""]).Select(point => new KpiValueRecord
                    {
                        SnapshotId = id, CityId = cityId, Period = period, KpiCode = k.Code, DataPoint = point,
                        Value = ValueFor(k.Unit, random), Unit = k.Unit.Symbol, Quality = DataQuality.Measured,
                        Origin = "Statistics Norway", Source = "Municipal statistics", Note = null, Public = true,
                    })).ToList();
                    db.Snapshots.Add(new SnapshotRecord
                    {
                        SnapshotId = id, CityId = cityId, Period = period, Status = SnapshotStatus.Final, Public = true,
                        IssuedAt = new DateTimeOffset(period, 10, 1, 12, 0, 0, TimeSpan.Zero), CatalogueVersion = KpiCatalogue.CurrentVersion,
                        KeyId = "test", Jws = "not.a.jws", Digest = id.ToString("N"), ContentHash = id.ToString("N"),
                        ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-1), Door = SubmissionDoor.Http, Values = values,
                    });
                }
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
    }

    // A possible value of the KPI's unit, so the engine scores every one.
    private static double ValueFor(KpiUnit unit, Random random)
    {
        var value = unit.Minimum + (random.NextDouble() * ((unit.Maximum ?? unit.Minimum + 100) - unit.Minimum));
        return unit.WholeNumbersOnly ? Math.Floor(value) : Math.Round(value, 2);
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
