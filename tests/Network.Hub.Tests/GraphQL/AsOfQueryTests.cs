using System.Net;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.GraphQL;

/// <summary>"Current" and "as published on a date" through GraphQL, around a correction posted later.</summary>
public sealed class AsOfQueryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Signed = new(2021, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private HttpClient _client = null!;
    private Guid _original;
    private Guid _correction;
    private DateTimeOffset _beforeAll;
    private DateTimeOffset _between;

    public async ValueTask InitializeAsync()
    {
        _client = _hub.CreateClient();
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
        _beforeAll = DateTimeOffset.UtcNow;
        await Task.Delay(20, TestContext.Current.CancellationToken);
        var original = _trondheim.Snapshot().IssuedAt(Signed).WithValues(Value("EC-P-EM-1C", 1.34, "%"), Value("EC-ICT-ICT-1C", 98, "%")).Build();
        _original = original.SnapshotId;
        await PublishAsync(_trondheim.Keys.CreateSigner().Sign(original));
        await PublishAsync(_bergen.Snapshot().IssuedAt(Signed).WithValues(Value("EC-P-EM-1C", 2.1, "%")).Sign());
        await Task.Delay(20, TestContext.Current.CancellationToken);
        _between = DateTimeOffset.UtcNow;
        await Task.Delay(20, TestContext.Current.CancellationToken);
        var correction = _trondheim.Snapshot().IssuedAt(Signed.AddDays(30)).CorrectionOf(_original)
            .WithValues(Value("EC-P-EM-1C", 2.5, "%"), Value("EC-ICT-ICT-1C", 98, "%")).Build();
        _correction = correction.SnapshotId;
        await PublishAsync(_trondheim.Keys.CreateSigner().Sign(correction));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
    }

    [Fact]
    public async Task Values_are_the_corrected_ones_now_and_the_original_ones_as_of_a_date_between()
    {
        var data = (await GraphQLAnswer.PostAsync(_client, """
            query($between: DateTime!, $before: DateTime!) {
              city(id: "NO-5001") {
                now: values(period: 2020) { kpiCode value snapshotId }
                then: values(period: 2020, asOf: $between) { kpiCode value snapshotId }
                before: values(period: 2020, asOf: $before) { value }
              }
            }
            """, new { between = _between, before = _beforeAll })).Ok();

        Assert.Equal(2.5, Unemployment(data.At("city.now")).GetProperty("value").GetDouble());
        Assert.Equal(_correction, Unemployment(data.At("city.now")).GetProperty("snapshotId").GetGuid());
        Assert.Equal(1.34, Unemployment(data.At("city.then")).GetProperty("value").GetDouble());
        Assert.Equal(_original, Unemployment(data.At("city.then")).GetProperty("snapshotId").GetGuid());
        Assert.Empty(data.At("city.before").Items());
    }

    [Fact]
    public async Task Scores_and_comparisons_as_of_a_date_use_the_values_published_by_then()
    {
        var data = (await GraphQLAnswer.PostAsync(_client, """
            query($between: DateTime!) {
              nowCard: city(id: "NO-5001") { scores(period: 2020) { kpi(code: "EC-P-EM-1C") { values { value rank } } } }
              thenCard: city(id: "NO-5001") { scores(period: 2020, asOf: $between) { kpi(code: "EC-P-EM-1C") { values { value rank } } } }
              now: compare(cities: ["NO-5001", "NO-4601"], kpis: ["EC-P-EM-1C"], period: 2020) { asOf rows { cells { value rank } } }
              then: compare(cities: ["NO-5001", "NO-4601"], kpis: ["EC-P-EM-1C"], period: 2020, asOf: $between) { asOf rows { cells { value rank } } }
            }
            """, new { between = _between })).Ok();

        // Corrected from 1.34 to 2.5, Trondheim falls behind Bergen (2.1): lower is better.
        Assert.Equal((2.5, 2), ValueAndRank(data.At("nowCard.scores.kpi.values.0")));
        Assert.Equal((1.34, 1), ValueAndRank(data.At("thenCard.scores.kpi.values.0")));
        Assert.Equal([(2.5, 2), (2.1, 1)], data.At("now.rows.0.cells").Items().Select(ValueAndRank));
        Assert.Equal([(1.34, 1), (2.1, 2)], data.At("then.rows.0.cells").Items().Select(ValueAndRank));
        Assert.Equal(_between, data.At("then.asOf").GetDateTimeOffset());
    }

    [Fact]
    public async Task History_shows_the_original_and_the_correction_that_supersedes_it()
    {
        var history = (await GraphQLAnswer.PostAsync(_client, """
            { city(id: "NO-5001") { history(kpi: "EC-P-EM-1C") { value current snapshot { id status supersedes } } } }
            """)).Ok().At("city.history").Items();

        Assert.Equal([(1.34, false, "FINAL"), (2.5, true, "CORRECTION")],
            history.Select(h => (h.GetProperty("value").GetDouble(), h.GetProperty("current").GetBoolean(), h.At("snapshot.status").GetString()!)));
        Assert.Equal(_original, history[1].At("snapshot.supersedes").GetGuid());
    }

    private static System.Text.Json.JsonElement Unemployment(System.Text.Json.JsonElement values) =>
        values.Items().Single(v => v.GetProperty("kpiCode").GetString() == "EC-P-EM-1C");

    private static (double, int) ValueAndRank(System.Text.Json.JsonElement v) => (v.GetProperty("value").GetDouble(), v.GetProperty("rank").GetInt32());

    private async Task PublishAsync(string jws)
    {
        using var response = await SnapshotDoor.PostAsync(_client, jws);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }
}
