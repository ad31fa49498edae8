using System.Net;
using System.Text.Json;
using Network.Benchmarking;
using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Tests.Ingestion;
using Network.Hub.Tests.Verified;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.OData;

/// <summary>
/// A hub whose database was filled through the real HTTP door: four cities, two periods, a preliminary snapshot
/// followed by a final one, and a correction published after <see cref="BeforeCorrection"/>. Shared by the feed tests,
/// which only read.
/// </summary>
public class FeedNetwork : IAsyncLifetime
{
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly TestCity _alesund = new("NO-1507", "Ålesund");
    private readonly TestCity _baerum = new("NO-3024", "Bærum");

    public FeedNetwork() : this(new Dictionary<string, string?>())
    {
    }

    protected FeedNetwork(IReadOnlyDictionary<string, string?> settings) => Hub = new HubFactory(settings);

    public HubFactory Hub { get; }

    /// <summary>A moment after everything but Trondheim's 2020 correction was received.</summary>
    public DateTimeOffset BeforeCorrection { get; private set; }

    /// <summary>Trondheim's original 2020 snapshot, which the correction supersedes.</summary>
    public Snapshot TrondheimOriginal { get; private set; } = null!;

    /// <summary>Trondheim's 2020 correction.</summary>
    public Snapshot TrondheimCorrection { get; private set; } = null!;

    /// <summary>Every accepted snapshot, in the order it was published.</summary>
    public List<Snapshot> Published { get; } = [];

    /// <summary>The accepted snapshots an anonymous reader sees: all but Bergen's preliminary one.</summary>
    public List<Snapshot> PublicRecord => Published.Where(s => s.Status != SnapshotStatus.Preliminary).ToList();

    /// <summary>Every stored value row.</summary>
    public int ValueCount => Published.Sum(s => s.Values.Count);

    /// <summary>The snapshots current now.</summary>
    public IReadOnlyList<Snapshot> Current => CurrentAmong(Published);

    /// <summary>The snapshots current before the correction arrived.</summary>
    public IReadOnlyList<Snapshot> CurrentBeforeCorrection => CurrentAmong(Published.Where(s => s != TrondheimCorrection));

    public async ValueTask InitializeAsync()
    {
        foreach (var city in new[] { _trondheim, _bergen, _alesund, _baerum })
        {
            await Hub.RegisterAsync(city);
        }

        TrondheimOriginal = _trondheim.Snapshot().ForPeriod(2020).IssuedAt(At(2020, 9, 30)).WithValues(
            Value("EC-ICT-ICT-1C", 95, "%"), Value("EC-ICT-ICT-4C", 99, "%", "3G"), Value("EC-ICT-ICT-4C", 98, "%", "4G"),
            Value("EC-P-EM-1C", 1.34, "%"), Value("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year"),
            Value("SC-EH-H-3C", 87.78, "physicians per 100,000 inhabitants"), Value("EC-ICT-ES-1C", 100, "%")).Build();
        await PublishAsync(_trondheim, TrondheimOriginal);
        await PublishAsync(_bergen, _bergen.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary).IssuedAt(At(2020, 6, 1))
            .WithValues(Value("EC-ICT-ICT-1C", 90, "%"), Value("EC-P-EM-1C", 2.5, "%")).Build());
        await PublishAsync(_bergen, _bergen.Snapshot().ForPeriod(2020).IssuedAt(At(2020, 10, 1)).WithValues(
            Value("EC-ICT-ICT-1C", 93, "%"), Value("EC-ICT-ICT-4C", 97, "%", "4G"), Value("EC-P-EM-1C", 2.4, "%"),
            Value("EN-EN-AQ-2C", 3.1, "tCO2e per capita per year")).Build());
        await PublishAsync(_alesund, _alesund.Snapshot().ForPeriod(2020).IssuedAt(At(2020, 10, 2)).WithValues(
            Value("EC-ICT-ICT-1C", 88, "%"), Value("EC-P-EM-1C", 1.9, "%"),
            new KpiValue("EC-ICT-ES-1C", null, 60, "%", DataQuality.AssumptionEstimated, "Ålesund kommune", "Tensio annual report 2020", "roll-out half done")).Build());
        await PublishAsync(_baerum, _baerum.Snapshot().ForPeriod(2020).IssuedAt(At(2020, 10, 3)).WithValues(
            Value("EC-ICT-ICT-1C", 99, "%"), Value("EC-P-EM-1C", 1.1, "%"),
            new KpiValue("EN-EN-AQ-2C", null, 2.9, "tCO2e per capita per year", DataQuality.SurveyExtrapolated, "Bærum kommune", "Klimaregnskap 2020", null)).Build());
        await PublishAsync(_trondheim, _trondheim.Snapshot().ForPeriod(2019).IssuedAt(At(2019, 9, 30))
            .WithValues(Value("EC-ICT-ICT-1C", 94, "%"), Value("EC-P-EM-1C", 1.5, "%")).Build());
        await PublishAsync(_bergen, _bergen.Snapshot().ForPeriod(2019).IssuedAt(At(2019, 10, 1))
            .WithValues(Value("EC-ICT-ICT-1C", 91, "%"), Value("EC-P-EM-1C", 2.6, "%")).Build());

        // Verdicts (stored as the attestation door would): Trondheim's original mostly verified, one value not verified
        // and one questioned; Bergen's preliminary figures verified, which only members may see.
        await AttestAsync(TrondheimOriginal, At(2020, 10, 15), ("EC-P-EM-1C", null, VerdictOutcome.NotVerified), ("SC-EH-H-3C", null, VerdictOutcome.Question));
        await AttestAsync(Published[1], At(2020, 6, 15));

        await Task.Delay(30, TestContext.Current.CancellationToken);
        BeforeCorrection = DateTimeOffset.UtcNow;
        await Task.Delay(30, TestContext.Current.CancellationToken);

        TrondheimCorrection = _trondheim.Snapshot().ForPeriod(2020).IssuedAt(At(2020, 11, 1)).CorrectionOf(TrondheimOriginal.SnapshotId).WithValues(
            Value("EC-ICT-ICT-1C", 97, "%"), Value("EC-ICT-ICT-4C", 99, "%", "3G"), Value("EC-ICT-ICT-4C", 99.5, "%", "4G"),
            Value("EC-P-EM-1C", 1.40, "%"), Value("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year"),
            Value("SC-EH-H-3C", 87.78, "physicians per 100,000 inhabitants"), Value("EC-ICT-ES-1C", 100, "%")).Build();
        await PublishAsync(_trondheim, TrondheimCorrection);
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        foreach (var city in new[] { _trondheim, _bergen, _alesund, _baerum })
        {
            city.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The engine's score cards for <paramref name="period"/>, computed here from the published snapshots, not by the hub.</summary>
    public static Dictionary<string, ScoreCard> ScoreCards(IEnumerable<Snapshot> current, int period)
    {
        var network = NetworkPeriod.Create(period, current.Where(s => s.Period == period)
            .SelectMany(s => s.Values.Select(v => ReportedValue.From(s.CityId, v, verified: false))));
        return new Scorer(network, TargetSet.Default).ScoreAll().ToDictionary(c => c.CityId);
    }

    /// <summary>GETs a feed URL as a member city (who sees preliminary figures too) and returns the JSON body, asserting a 200.</summary>
    public async Task<JsonElement> GetAsync(string url)
    {
        using var client = await Hub.CreateMemberClientAsync();
        return await OkAnswers.GetJsonAsync(client, url);
    }

    /// <summary>GETs a feed URL and returns the rows of its <c>value</c> array.</summary>
    public async Task<List<JsonElement>> RowsAsync(string url) => [.. (await GetAsync(url)).GetProperty("value").EnumerateArray()];

    private async Task PublishAsync(TestCity city, Snapshot snapshot)
    {
        using var client = Hub.CreateClient();
        using var response = await SnapshotDoor.PostAsync(client, city.Keys.CreateSigner().Sign(snapshot));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Published.Add(snapshot);
    }

    /// <summary>Every seeded verdict, with the Public flag of the snapshot it was given on.</summary>
    public List<(string CityId, int Period, KpiValue Value, VerdictOutcome Outcome, DateTimeOffset IssuedAt, bool Public)> Verdicts { get; } = [];

    /// <summary>
    /// Whether a value reads as verified, computed here from the seeded verdicts (the newest binding to the value's KPI,
    /// data point, number and unit in its city and period), for a member or (<paramref name="publicReader"/>) the public.
    /// </summary>
    public bool IsVerified(string cityId, int period, string kpi, string? dataPoint, double value, string unit, bool publicReader = false) =>
        Verdicts.Where(d => d.CityId == cityId && d.Period == period && d.Value.Kpi == kpi && d.Value.DataPoint == dataPoint &&
                            d.Value.Value == value && d.Value.Unit == unit && (d.Public || !publicReader))
            .OrderByDescending(d => d.IssuedAt).Select(d => (VerdictOutcome?)d.Outcome).FirstOrDefault() == VerdictOutcome.Verified;

    private async Task AttestAsync(Snapshot snapshot, DateTimeOffset issuedAt, params (string Kpi, string? DataPoint, VerdictOutcome Outcome)[] otherwise)
    {
        var verdicts = VerdictSeed.AllVerified(snapshot, otherwise).ToList();
        await VerdictSeed.AttestAsync(Hub, snapshot, issuedAt, verdicts);
        Verdicts.AddRange(verdicts.Select(v => (snapshot.CityId, snapshot.Period, v.Value, v.Outcome, issuedAt, snapshot.Status != SnapshotStatus.Preliminary)));
    }

    private static List<Snapshot> CurrentAmong(IEnumerable<Snapshot> snapshots) =>
        snapshots.GroupBy(s => (s.CityId, s.Period)).Select(g => g.MaxBy(s => s.IssuedAt)!).ToList();

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 12, 0, 0, TimeSpan.Zero);

    private static KpiValue Value(string kpi, double value, string unit, string? dataPoint = null) => SnapshotBuilder.Value(kpi, value, unit, dataPoint);
}
