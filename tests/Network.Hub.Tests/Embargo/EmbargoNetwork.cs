using System.Net;
using Network.Contracts.Snapshots;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Embargo;

/// <summary>
/// Three cities' 2020 figures for one KPI (household Internet access, higher is better), published through the real
/// HTTP door with node tokens, where what a public reader may see differs from what a member sees:
/// <list type="bullet">
/// <item>Trondheim: final, 98 %.</item>
/// <item>Bergen: preliminary 90 %, then a correction of that preliminary snapshot, 91 %: both inside the network only.</item>
/// <item>Ålesund: final 80 %, then a correction of that final snapshot, 85 %: both public.</item>
/// </list>
/// </summary>
public sealed class EmbargoNetwork : IAsyncLifetime
{
    /// <summary>The KPI every city reported.</summary>
    public const string Internet = "EC-ICT-ICT-1C";

    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly TestCity _alesund = new("NO-1507", "Ålesund");

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; } = new();

    /// <summary>Bergen's preliminary snapshot.</summary>
    public Snapshot BergenPreliminary { get; private set; } = null!;

    /// <summary>Bergen's correction of its preliminary snapshot.</summary>
    public Snapshot BergenCorrection { get; private set; } = null!;

    /// <summary>Ålesund's correction of its final snapshot.</summary>
    public Snapshot AlesundCorrection { get; private set; } = null!;

    /// <summary>Trondheim's id.</summary>
    public string Trondheim => _trondheim.CityId;

    /// <summary>Bergen's id.</summary>
    public string Bergen => _bergen.CityId;

    /// <summary>Ålesund's id.</summary>
    public string Alesund => _alesund.CityId;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        foreach (var city in new[] { _trondheim, _bergen, _alesund })
        {
            await Hub.RegisterAsync(city);
        }

        await PublishAsync(_trondheim, _trondheim.Snapshot().ForPeriod(2020).WithValues(Value(98)).Build());
        BergenPreliminary = _bergen.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary).WithValues(Value(90)).Build();
        await PublishAsync(_bergen, BergenPreliminary);
        BergenCorrection = _bergen.Snapshot().ForPeriod(2020).IssuedAt(Later).CorrectionOf(BergenPreliminary.SnapshotId).WithValues(Value(91)).Build();
        await PublishAsync(_bergen, BergenCorrection);
        var alesundFinal = _alesund.Snapshot().ForPeriod(2020).WithValues(Value(80)).Build();
        await PublishAsync(_alesund, alesundFinal);
        AlesundCorrection = _alesund.Snapshot().ForPeriod(2020).IssuedAt(Later).CorrectionOf(alesundFinal.SnapshotId).WithValues(Value(85)).Build();
        await PublishAsync(_alesund, AlesundCorrection);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        foreach (var city in new[] { _trondheim, _bergen, _alesund })
        {
            city.Dispose();
        }
    }

    // Corrections are signed after what they correct (the builder signs everything else at 2020-09-30 12:00).
    private static readonly DateTimeOffset Later = new(2020, 10, 15, 12, 0, 0, TimeSpan.Zero);

    private static KpiValue Value(double percent) =>
        new(Internet, null, percent, "%", DataQuality.Measured, "Statistics Norway", "Table 11000", "a note for the network");

    private async Task PublishAsync(TestCity city, Snapshot snapshot)
    {
        using var client = Hub.CreateClient();
        using var response = await SnapshotDoor.PostAsync(client, city.Keys.CreateSigner().Sign(snapshot));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
