using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Network.Hub.Tests.Exports;
using Network.Hub.Tests.GraphQL;
using static Network.Hub.Tests.GraphQL.SampleNetwork;

namespace Network.Hub.Tests.Targets;

public sealed class TargetSetApiTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    private const string Goals = """
        kpi,dataPoint,target,source,note
        EC-P-EM-1C,,2,"Employment strategy 2030, p. 12",
        EN-EN-AQ-2C,,2,Climate plan 2030,a Paris-aligned pathway
        """;

    [Fact]
    public async Task An_uploaded_set_is_listed_and_scores_comparisons_by_name_and_a_new_version_replaces_it()
    {
        using var client = await CoordinatorAsync();

        using var created = await PostAsync(client, "city-goals", "1", Goals);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var sets = await client.GetFromJsonAsync<JsonElement>("/api/target-sets", TestContext.Current.CancellationToken);
        Assert.Equal("definition-implied", sets[0].GetProperty("name").GetString());
        Assert.True(sets[0].GetProperty("default").GetBoolean());
        var goals = sets.Items().Single(s => s.GetProperty("name").GetString() == "city-goals");
        Assert.Equal("1", goals.GetProperty("version").GetString());
        Assert.Equal(2, goals.GetProperty("targets").GetInt32());
        Assert.Equal(["Employment strategy 2030, p. 12", "Climate plan 2030"], goals.GetProperty("sources").Items().Select(s => s.GetString()));

        // Lower is better: percent of target = target / value, capped at 100.
        var csv = await CsvTable.GetAsync(client, $"/api/compare.csv?cities={Trondheim},{Bergen},{Fjordvik},{Nettby}&kpis={Unemployment},{Ghg}&period=2020&targetSet=city-goals");
        Assert.Equal([100, 95.24, 57.14, 71.43], PercentOfTarget(csv, Unemployment, Trondheim, Bergen, Fjordvik, Nettby)); // 1.34, 2/2.1, 2/3.5, 2/2.8
        Assert.Equal([81.3, 64.52, 100], PercentOfTarget(csv, Ghg, Trondheim, Bergen, Fjordvik)); // 2/2.46, 2/3.1, 1.9
        Assert.Equal("1", csv.Field(csv.Row(Unemployment), $"{Trondheim} rank")); // a target set changes scores, never ranks

        var compare = (await GraphQLAnswer.PostAsync(client, """
            { compare(cities: ["NO-4601"], kpis: ["EC-P-EM-1C"], period: 2020, targetSet: "city-goals") { targetSet rows { cells { percentOfTarget } } } }
            """)).Ok().At("compare");
        Assert.Equal("city-goals 1", compare.GetProperty("targetSet").GetString());
        Assert.Equal(200 / 2.1, compare.At("rows.0.cells.0.percentOfTarget").GetDouble(), 9);

        var scores = (await GraphQLAnswer.PostAsync(client, """
            { city(id: "NO-4601") { scores(period: 2020, targetSet: "city-goals") { targetSet { name version } kpis { code points } } } }
            """)).Ok().At("city.scores");
        Assert.Equal("city-goals", scores.At("targetSet.name").GetString());
        Assert.Equal(4, scores.GetProperty("kpis").Items().Single(k => k.GetProperty("code").GetString() == Unemployment).GetProperty("points").GetInt32());

        // Version 2 raises the unemployment target to 3: the name now means version 2.
        using var second = await PostAsync(client, "city-goals", "2", Goals.Replace("EC-P-EM-1C,,2,", "EC-P-EM-1C,,3,", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        csv = await CsvTable.GetAsync(client, $"/api/compare.csv?cities={Bergen},{Fjordvik}&kpis={Unemployment}&period=2020&targetSet=city-goals");
        Assert.Equal([100, 85.71], PercentOfTarget(csv, Unemployment, Bergen, Fjordvik)); // 2.1 under 3; 3/3.5
        // The network is shared with the other tests of this class, which may have loaded sets of their own before.
        var names = (await GraphQLAnswer.PostAsync(client, "{ targetSets { name version } }")).Ok().GetProperty("targetSets").Items()
            .Select(s => $"{s.GetProperty("name").GetString()} {s.GetProperty("version").GetString()}")
            .Where(n => n.StartsWith("definition-implied ", StringComparison.Ordinal) || n.StartsWith("city-goals ", StringComparison.Ordinal));
        Assert.Equal(["definition-implied 1", "city-goals 1", "city-goals 2"], names);
    }

    [Fact]
    public async Task A_file_with_errors_is_refused_listing_every_error_with_its_line()
    {
        using var client = await CoordinatorAsync();
        const string broken = """
            kpi,dataPoint,target,source,note
            EC-P-EM-1C,,2,Strategy,
            NOT-A-KPI,,5,Somewhere,
            EN-EN-AQ-2C,,lots,Climate plan,
            EC-ICT-ICT-1C,,100,,
            """;

        using var response = await PostAsync(client, "broken-goals", "1", broken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").Items();
        Assert.Equal([3, 4, 5], errors.Select(e => e.GetProperty("line").GetInt32()));
        Assert.Equal(["UnknownKpi", "NotANumber", "MissingSource"], errors.Select(e => e.GetProperty("reason").GetString()));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        var sets = await client.GetFromJsonAsync<JsonElement>("/api/target-sets", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(sets.Items(), s => s.GetProperty("name").GetString() == "broken-goals");
    }

    [Fact]
    public async Task The_same_version_again_is_accepted_unchanged_but_with_different_content_is_a_409()
    {
        using var client = await CoordinatorAsync();
        using var first = await PostAsync(client, "fixed-goals", "2030.1", Goals);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);

        using var again = await PostAsync(client, "fixed-goals", "2030.1", Goals);
        using var changed = await PostAsync(client, "fixed-goals", "2030.1", Goals.Replace("EC-P-EM-1C,,2,", "EC-P-EM-1C,,2.5,", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var conflict = await Problems.AssertProblemAsync(changed, HttpStatusCode.Conflict);
        Assert.Contains("new version", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var csv = await CsvTable.GetAsync(client, $"/api/compare.csv?cities={Bergen}&kpis={Unemployment}&period=2020&targetSet=fixed-goals");
        Assert.Equal([95.24], PercentOfTarget(csv, Unemployment, Bergen)); // still 2 / 2.1
    }

    [Theory]
    [InlineData("?version=1", "name")]
    [InlineData("?name=x", "version")]
    public async Task A_missing_name_or_version_is_a_400_naming_it(string query, string parameter)
    {
        using var client = await CoordinatorAsync();
        using var content = new StringContent(Goals, Encoding.UTF8, "text/csv");

        using var response = await client.PostAsync($"/api/target-sets{query}", content, TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_body_that_is_not_csv_is_a_415()
    {
        using var client = await CoordinatorAsync();
        using var content = new StringContent("{}", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/target-sets?name=json&version=1", content, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Loading_a_set_is_for_coordinators_only()
    {
        using var anonymous = network.Hub.CreateClient();
        using var node = await network.Hub.CreateNodeClientAsync(Trondheim);

        using var withoutToken = await PostAsync(anonymous, "anonymous-goals", "1", Goals);
        using var nodeToken = await PostAsync(node, "node-goals", "1", Goals);

        await Problems.AssertProblemAsync(withoutToken, HttpStatusCode.Unauthorized);
        await Problems.AssertProblemAsync(nodeToken, HttpStatusCode.Forbidden);
    }

    private async Task<HttpClient> CoordinatorAsync() =>
        await network.Hub.CreateClientAsync(await network.Hub.AddCoordinatorClientAsync("Secretariat"));

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string name, string version, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await client.PostAsync($"/api/target-sets?name={name}&version={version}", content, TestContext.Current.CancellationToken);
    }

    private static double[] PercentOfTarget(CsvTable csv, string kpi, params string[] cities) =>
        cities.Select(c => Math.Round(double.Parse(csv.Field(csv.Row(kpi), $"{c} % of target"), CultureInfo.InvariantCulture), 2)).ToArray();
}
