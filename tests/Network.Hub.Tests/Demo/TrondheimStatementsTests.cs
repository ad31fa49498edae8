using System.Globalization;
using System.Net.Http.Json;
using Network.Hub.Cities;
using Network.Hub.Tests.Exports;
using Network.Hub.Tests.GraphQL;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Demo;

/// <summary>
/// The statements of Trondheim's UNECE Smart Sustainable City Profile, reproduced from what the demo network stored:
/// the hub started with the demo network on, queried over HTTP through the CSV export and GraphQL.
/// </summary>
public sealed class TrondheimStatementsTests : IAsyncLifetime
{
    private const string Trondheim = "NO-5001", Helsinki = "FI-091", Paris = "FR-75056", Berlin = "DE-11000000";
    private const string Renewables = "EN-E-E-1C", Ghg = "EN-EN-AQ-2C", Unemployment = "EC-P-EM-1C";

    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"network-demo-keys-{Guid.NewGuid():N}");
    private HubFactory _hub = null!;

    public ValueTask InitializeAsync()
    {
        _hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Demo:Enabled"] = "true",
            ["Network:Demo:KeyDirectory"] = _keys,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task Trondheim_renewables_ghg_rank_among_the_profile_cities_and_unemployment_come_back_as_stated()
    {
        using var client = _hub.CreateClient();
        await WaitForDemoAsync(client);
        const string helsinki = Helsinki, paris = Paris, berlin = Berlin;

        var csv = await CsvTable.GetAsync(client,
            $"/api/compare.csv?cities={Trondheim},{helsinki},{paris},{berlin}&kpis={Renewables},{Ghg},{Unemployment}&period=2020");

        // "100 % renewable": the share stated is of electricity, which the value's note says.
        Assert.Equal(100, Number(csv.Field(csv.Row(Renewables), $"{Trondheim} value")));
        // The cities' notes are for the network's members.
        using var member = await _hub.CreateMemberClientAsync();
        var notes = (await GraphQLAnswer.PostAsync(member, $$"""
            { city(id: "{{Trondheim}}") { values(period: 2020) { kpiCode value note } } }
            """)).Ok().At("city.values").Items();
        var renewables = notes.Single(v => v.GetProperty("kpiCode").GetString() == Renewables);
        Assert.Equal(100, renewables.GetProperty("value").GetDouble());
        Assert.Contains("ELECTRICITY", renewables.GetProperty("note").GetString(), StringComparison.Ordinal);

        // GHG: Trondheim 2.46 t per capita, the lowest of the four cities the profile compares.
        var ghg = csv.Row(Ghg);
        Assert.Equal("lower is better", csv.Field(ghg, "direction"));
        var values = new[] { Trondheim, helsinki, paris, berlin }.ToDictionary(c => c, c => Number(csv.Field(ghg, $"{c} value")));
        Assert.Equal([2.46, 7.4, 7.7, 10.4], values.Values);
        var ranked = values.OrderBy(v => v.Value).Select(v => v.Key).ToArray();
        Assert.Equal(1, Array.IndexOf(ranked, Trondheim) + 1);
        Assert.Equal(4, ranked.Length);
        var sorted = values.Values.Order().ToArray();
        Assert.Equal(7.55, (sorted[1] + sorted[2]) / 2, 9);
        // Among the four, Trondheim's network rank is ahead of the other three (the demo's synthetic cities also report GHG).
        var ranks = new[] { Trondheim, helsinki, paris, berlin }.Select(c => int.Parse(csv.Field(ghg, $"{c} rank"), CultureInfo.InvariantCulture)).ToArray();
        Assert.True(ranks[0] < ranks.Skip(1).Min(), $"ranks {string.Join(", ", ranks)}");

        // Unemployment "extremely low at 1.34 per cent".
        Assert.Equal(1.34, Number(csv.Field(csv.Row(Unemployment), $"{Trondheim} value")));
        Assert.Equal("%", csv.Field(csv.Row(Unemployment), "unit"));
    }

    private static double Number(string field) => double.Parse(field, CultureInfo.InvariantCulture);

    private static async Task WaitForDemoAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var cities = await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken);
            if (cities!.Count(c => c.Snapshots > 0) >= 8 || DateTime.UtcNow > deadline)
            {
                Assert.Equal(8, cities!.Count(c => c.Snapshots > 0));
                return;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
