using System.Net;
using System.Net.Http.Json;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>
/// A hub where cities' analysts work: Trondheim sent a preliminary 2020 snapshot and then its final one (so the first is
/// superseded), a preliminary 2021 snapshot with a note, and a snapshot signed with Bergen's key that the hub refused;
/// <c>demo-verifier</c> (assigned to Trondheim) asked two questions on 2021 values. Bergen has a preliminary 2021
/// snapshot with a note of its own and a question from <c>bergen-verifier</c>. One hub per test class.
/// </summary>
public sealed class CityDeskNetwork : IAsyncLifetime
{
    /// <summary>Trondheim's note on its preliminary 2021 value.</summary>
    public const string TrondheimNote = "Draft figure from the statistics office, to be confirmed.";

    /// <summary>Bergen's note.</summary>
    public const string BergenNote = "A working note of Bergen only.";

    /// <summary>The question on Trondheim's air-quality value.</summary>
    public const string AirQuestion = "Which monitoring stations does the 2021 figure average?";

    /// <summary>The question on Trondheim's employment value.</summary>
    public const string EmploymentQuestion = "Is the figure from the register or from the survey?";

    /// <summary>The question to Bergen.</summary>
    public const string BergenQuestion = "Where does the 2021 figure of Bergen come from?";

    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly List<CityKeyPair> _verifierKeys = [];

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; } = new();

    /// <summary>Trondheim's superseded preliminary 2020 snapshot.</summary>
    public Guid Superseded { get; private set; }

    /// <summary>The reasons the hub gave for the snapshot it refused.</summary>
    public IReadOnlyList<string> RefusalReasons { get; private set; } = [];

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        await Hub.RegisterAsync(_trondheim);
        await Hub.RegisterAsync(_bergen);
        var early = _trondheim.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary).IssuedAt(new DateTimeOffset(2021, 3, 1, 9, 0, 0, TimeSpan.Zero));
        Superseded = early.Build().SnapshotId;
        await IngestAsync(early.Sign());
        await IngestAsync(_trondheim.Snapshot().ForPeriod(2020).IssuedAt(new DateTimeOffset(2021, 6, 1, 9, 0, 0, TimeSpan.Zero)).Sign());
        var trondheim2021 = _trondheim.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).IssuedAt(new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero))
            .WithValues(
                new KpiValue("EN-EN-AQ-2C", null, 2.31, "tCO2e per capita per year", DataQuality.SurveyExtrapolated, "Trondheim kommune", "statistics office", TrondheimNote),
                SnapshotBuilder.Value("EC-P-EM-1C", 1.29, "%"));
        await IngestAsync(trondheim2021.Sign());
        var bergen2021 = _bergen.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).IssuedAt(new DateTimeOffset(2022, 3, 1, 9, 0, 0, TimeSpan.Zero))
            .WithValues(new KpiValue("EN-EN-AQ-2C", null, 3.05, "tCO2e per capita per year", DataQuality.Measured, "Bergen kommune", "statistics", BergenNote));
        await IngestAsync(bergen2021.Sign());

        // Signed with Bergen's key for Trondheim: refused, and the error record names Trondheim.
        var refused = await Hub.IngestAsync(_bergen.Keys.CreateSigner().Sign(_trondheim.Snapshot().ForPeriod(2022).Build()));
        RefusalReasons = [.. refused.Rejected!.Reasons.Select(r => r.Reason.ToString())];

        foreach (var (verifier, city) in new[] { ("demo-verifier", _trondheim.CityId), ("bergen-verifier", _bergen.CityId) })
        {
            var keys = CityKeyPair.Generate();
            _verifierKeys.Add(keys);
            await Hub.AddAssignedVerifierAsync(verifier, keys, city);
        }

        await AskAsync("demo-verifier", trondheim2021.Build().SnapshotId, "EN-EN-AQ-2C", AirQuestion);
        await AskAsync("demo-verifier", trondheim2021.Build().SnapshotId, "EC-P-EM-1C", EmploymentQuestion);
        await AskAsync("bergen-verifier", bergen2021.Build().SnapshotId, "EN-EN-AQ-2C", BergenQuestion);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        foreach (var keys in _verifierKeys)
        {
            keys.Dispose();
        }

        _trondheim.Dispose();
        _bergen.Dispose();
    }

    private async Task IngestAsync(string jws) => Assert.NotNull((await Hub.IngestAsync(jws)).Accepted);

    private async Task AskAsync(string verifierId, Guid snapshotId, string kpi, string text)
    {
        using var verifier = await Hub.CreateVerifierClientAsync(verifierId);
        using var asked = await verifier.PostAsJsonAsync("/api/verification/questions", new { snapshotId, kpi, text });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
    }
}
