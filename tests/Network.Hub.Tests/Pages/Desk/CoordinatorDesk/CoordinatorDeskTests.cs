using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Network.Benchmarking.Matching;
using Network.Contracts.Signing;
using Network.Hub.Embargo;
using Network.Hub.Matching;
using Network.Hub.Tests.GraphQL;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Desk.CoordinatorDesk;

/// <summary>
/// The coordinator's desk pages over HTTP, signed in as a coordinator, on a network of posted snapshots: each page shows what
/// the engine and the coordinator APIs hold, and its forms change what the APIs then answer.
/// </summary>
public sealed partial class CoordinatorDeskTests : IAsyncLifetime
{
    private static readonly string[] Pages = ["/desk/cities", "/desk/verifiers", "/desk/target-sets", "/desk/heat-map", "/desk/pairing", "/desk/thin-kpis"];

    private readonly HubFactory _hub = new();
    private readonly DeskNetwork _network = new();
    private HttpClient _coordinator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _network.PublishAsync(_hub);
        _coordinator = await _hub.CreateSignedInClientAsync(SignedInPeople.Coordinator, email: "cora@network.example");
    }

    public async ValueTask DisposeAsync()
    {
        _coordinator.Dispose();
        _network.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task Every_page_has_its_title_and_heading_and_the_desk_links_them_all()
    {
        var desk = await PageAsync("/desk");
        foreach (var path in Pages)
        {
            Assert.Contains($"href=\"{path}\"", desk, StringComparison.Ordinal);
            var html = await PageAsync(path);
            Assert.Single(H1().Matches(html));
            Assert.Contains(" · Sustainability Network</title>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_member_is_refused_every_coordinator_page()
    {
        using var member = await _hub.CreateSignedInClientAsync(Member);
        foreach (var path in Pages)
        {
            using var response = await member.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/access-denied", PathOf(response.Headers.Location), StringComparison.Ordinal);
            using var denied = await member.GetAsync(new Uri(PathOf(response.Headers.Location), UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var desk = await member.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct);
        Assert.DoesNotContain("href=\"/desk/cities\"", desk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_heat_map_shows_the_engines_mean_standings_with_numbers_and_words()
    {
        var matcher = await MatcherAsync();
        var standings = matcher.NetworkStrengthsAndGaps().ToList();
        var cities = standings.Select(s => s.CityId).Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = standings.Select(s => s.CategoryCode).Distinct().Where(c => standings.Any(s => s.CategoryCode == c && s.MeanStanding is not null))
            .SelectMany(category => cities.Select(city => standings.Single(s => s.CityId == city && s.CategoryCode == category)))
            .Select(s => s.MeanStanding is { } mean ? mean.ToString("0", CultureInfo.InvariantCulture) : "—")
            .ToList();

        var html = WebUtility.HtmlDecode(await PageAsync("/desk/heat-map?period=2020&basis=asReported"));

        Assert.Equal(expected, Mean().Matches(html).Select(m => m.Groups[1].Value));
        Assert.Equal(["NO-4601", "NO-5001", "SE-0180"], cities);
        // Trondheim leads on both ICT KPIs: a strength, said in a word beside the number and the colour.
        var ict = standings.Single(s => s.CityId == "NO-5001" && s.CategoryCode == "EC-ICT-ICT");
        Assert.Equal(StrengthClass.Strength, ict.Class);
        Assert.Contains("strength · 2 KPIs", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"heat gap\">", html, StringComparison.Ordinal);
        Assert.Contains("Drainage (EC-ICT-D)", html, StringComparison.Ordinal); // no city reported it: named once, not a row of dashes
    }

    [Fact]
    public async Task The_pairing_is_the_engines_with_its_reasons()
    {
        var pairing = (await MatcherAsync()).PairAll(cancellationToken: Ct);
        Assert.Single(pairing.Pairs);
        var pair = pairing.Pairs[0];

        var html = WebUtility.HtmlDecode(await PageAsync("/desk/pairing"));

        Assert.Contains($"<dt>Total mutual benefit</dt><dd>{pairing.TotalMutual.ToString("0.####", CultureInfo.InvariantCulture)}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<dt>Left without a partner</dt><dd>{pairing.Unpaired.Single()}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"<td class=\"number\">{pair.Mutual.ToString("0.####", CultureInfo.InvariantCulture)}</td>", html, StringComparison.Ordinal);
        Assert.Contains(pair.Summary, html, StringComparison.Ordinal);
        Assert.Contains(pair.Contributions.OrderByDescending(c => c.Contribution).First().Explanation, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thinly_reported_kpis_are_those_fewer_cities_reported_than_asked()
    {
        var html = await PageAsync("/desk/thin-kpis?minimum=3");

        // The engine counts every catalogue KPI (data point) the period's cities reported fewer than 3 times, none included.
        var thin = (await MatcherAsync()).ThinlyReported(3);
        Assert.Equal($"{thin.Count} KPIs reported by fewer than 3 cities in 2020, fewest first", Caption().Match(html).Groups[1].Value);
        Assert.Equal([DeskNetwork.Physicians], thin.Where(k => k.ReportingCount > 0).Select(k => k.Kpi.Code));
        Assert.Contains($"{thin.Count(k => k.ReportingCount == 0)} of them no city reported.", html, StringComparison.Ordinal);
        Assert.Matches($"<td><code>{DeskNetwork.Physicians}</code></td>\\s*<td>[^<]+</td>\\s*<td>[^<]+</td>\\s*<td class=\"number\">2</td>", html);
        Assert.Contains($"{(await MatcherAsync()).ThinlyReported(5).Count} KPIs reported by fewer than 5 cities", await PageAsync("/desk/thin-kpis"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/desk/heat-map?period=1999", "Period: no city has values for 1999; the periods with values are 2020.")]
    [InlineData("/desk/pairing?period=twenty", "Period: give a year, e.g. 2020.")]
    [InlineData("/desk/heat-map?basis=roughly", "Values: choose asReported (every reported value) or asVerified (only verified values).")]
    [InlineData("/desk/thin-kpis?minimum=0", "Fewer than (cities): give a whole number from 1 to 1000.")]
    public async Task A_bad_field_is_a_400_saying_which_and_why(string path, string message)
    {
        using var response = await _coordinator.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_rotated_and_revoked_through_the_forms_takes_effect()
    {
        var old = _network.Trondheim.Keys.KeyId;
        using var next = CityKeyPair.Generate();
        var cities = await PageAsync("/desk/cities");
        Assert.Contains(old, cities, StringComparison.Ordinal);
        Assert.Contains("<span class=\"key-state active\">active</span>", cities, StringComparison.Ordinal);

        using var notJson = await PostFormAsync(_coordinator, "/desk/cities", "add-key-NO-5001", new Dictionary<string, string> { ["Jwk"] = "{\"kty\":" });
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("Public key: this is not JSON", await notJson.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var added = await PostFormAsync(_coordinator, "/desk/cities", "add-key-NO-5001", new Dictionary<string, string> { ["Jwk"] = next.PublicJwk.ToJson() });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains($"Added the key {next.KeyId} to NO-5001", await added.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var unconfirmed = await PostFormAsync(_coordinator, "/desk/cities", $"revoke-{old}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains($"to revoke the key {old}; nothing was revoked", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var revoked = await PostFormAsync(_coordinator, "/desk/cities", $"revoke-{old}", new Dictionary<string, string> { ["Confirm"] = "yes" });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var html = await revoked.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"Revoked the key {old} of NO-5001", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"key-state revoked\">revoked</span>", html, StringComparison.Ordinal);

        // The revoked key's new snapshot is refused; the new key signs.
        using var node = await _hub.CreateNodeClientAsync("NO-5001");
        Assert.Equal(HttpStatusCode.BadRequest, await PublishAsync(node, _network.Trondheim.Snapshot().ForPeriod(2021).Sign()));
        Assert.Equal(HttpStatusCode.Accepted, await PublishAsync(node, _network.Trondheim.Snapshot().ForPeriod(2021).SignWith(next)));
        using var api = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        var keys = await api.GetFromJsonAsync<JsonElement>("/api/cities/NO-5001/keys", Ct);
        Assert.Equal([(old, "revoked"), (next.KeyId, "active")],
            keys.EnumerateArray().Select(k => (k.GetProperty("keyId").GetString(), k.GetProperty("state").GetString())));
    }

    [Fact]
    public async Task A_city_is_registered_through_the_form_and_a_bad_id_is_named()
    {
        using var bad = await PostFormAsync(_coordinator, "/desk/cities", "register", new Dictionary<string, string> { ["Id"] = "Oslo", ["Name"] = "Oslo", ["Population"] = "many" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var refused = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync(Ct));
        Assert.Contains("Population: give the number of inhabitants as a whole number", refused, StringComparison.Ordinal);

        using var badId = await PostFormAsync(_coordinator, "/desk/cities", "register", new Dictionary<string, string> { ["Id"] = "Oslo", ["Name"] = "Oslo" });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("City id: ", WebUtility.HtmlDecode(await badId.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);

        using var registered = await PostFormAsync(_coordinator, "/desk/cities", "register", new Dictionary<string, string> { ["Id"] = "NO-0301", ["Name"] = "Oslo", ["Population"] = "709037" });
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("Registered Oslo (NO-0301).", await registered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(709037, await _hub.QueryAsync(db => Task.FromResult(db.Cities.Single(c => c.Id == "NO-0301").Population)));
    }

    [Fact]
    public async Task An_assignment_made_and_ended_through_the_forms_is_what_the_api_lists()
    {
        using var verifier = await _hub.RegisterVerifierAsync(TestVerifier.Nordic(), "NO-5001");
        var page = await PageAsync("/desk/verifiers");
        Assert.Contains(verifier.Keys.KeyId, page, StringComparison.Ordinal);
        Assert.Contains("may attest</caption>", page, StringComparison.Ordinal);

        using var assigned = await PostFormAsync(_coordinator, "/desk/verifiers", "assign-nordic-verifier", new Dictionary<string, string> { ["CityId"] = "NO-4601" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Contains("Assigned nordic-verifier to NO-4601", await assigned.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(["NO-4601", "NO-5001"], await AssignedAsync());
        Assert.Equal("person:cora@network.example", await _hub.QueryAsync(db => Task.FromResult(db.VerifierAssignments.Single(a => a.CityId == "NO-4601").AssignedBy)));

        using var unknown = await PostFormAsync(_coordinator, "/desk/verifiers", "assign-nordic-verifier", new Dictionary<string, string> { ["CityId"] = "DK-0101" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("DK-0101", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var ended = await PostFormAsync(_coordinator, "/desk/verifiers", "unassign-nordic-verifier-NO-5001", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(["NO-4601"], await AssignedAsync());
    }

    [Fact]
    public async Task A_target_set_loaded_through_the_form_scores_a_kpi()
    {
        const string goals = "kpi,dataPoint,target,source,note\nEC-P-EM-1C,,2,Employment strategy 2030,\n";
        using var broken = await PostFormAsync(_coordinator, "/desk/target-sets", "upload", new Dictionary<string, string>
        {
            ["Name"] = "desk-goals", ["Version"] = "1", ["Csv"] = goals + "NOT-A-KPI,,5,Somewhere,\n",
        });
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Contains("Line 3", await broken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var unnamed = await PostFormAsync(_coordinator, "/desk/target-sets", "upload", new Dictionary<string, string> { ["Name"] = " ", ["Version"] = "1", ["Csv"] = goals });
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Contains("Name: Give the set a name of 1 to 100 characters", await unnamed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var loaded = await PostFormAsync(_coordinator, "/desk/target-sets", "upload", new Dictionary<string, string> { ["Name"] = "desk-goals", ["Version"] = "1", ["Csv"] = goals });
        Assert.Equal(HttpStatusCode.OK, loaded.StatusCode);
        var html = await loaded.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Loaded desk-goals 1: 1 target", html, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">desk-goals</th>\\s*<td>1</td>\\s*<td>[^<]+</td>\\s*<td class=\"number\">1 of \\d+</td>", html);

        // Bergen's unemployment, 2.5 % against a target of 2 (lower is better): 2 / 2.5 = 80 % of the target.
        using var api = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("Secretariat"));
        var compare = (await GraphQLAnswer.PostAsync(api, """
            { compare(cities: ["NO-4601"], kpis: ["EC-P-EM-1C"], period: 2020, targetSet: "desk-goals") { targetSet rows { cells { percentOfTarget } } } }
            """)).Ok().At("compare");
        Assert.Equal("desk-goals 1", compare.GetProperty("targetSet").GetString());
        Assert.Equal(80, compare.At("rows.0.cells.0.percentOfTarget").GetDouble(), 9);
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await _coordinator.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {html}");
        return html;
    }

    private Task<PeerMatcher> MatcherAsync() =>
        _hub.WithServicesAsync(async services => (await services.GetRequiredService<NetworkMatchers>().ForPeriodAsync(Readership.Network, 2020, cancellationToken: Ct))!);

    private async Task<List<string>> AssignedAsync()
    {
        using var anonymous = _hub.CreateClient();
        var verifiers = await anonymous.GetFromJsonAsync<JsonElement>("/api/verifiers", Ct);
        return [.. verifiers.EnumerateArray().Single(v => v.GetProperty("id").GetString() == "nordic-verifier").GetProperty("cities").EnumerateArray().Select(c => c.GetString()!)];
    }

    private static async Task<HttpStatusCode> PublishAsync(HttpClient client, string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII, "application/jose");
        using var response = await client.PostAsync(new Uri("/api/snapshots", UriKind.Relative), content, Ct);
        return response.StatusCode;
    }

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();

    [GeneratedRegex("<caption>([^<]*)</caption>")]
    private static partial Regex Caption();

    [GeneratedRegex("<span class=\"mean\">([^<]+)</span>")]
    private static partial Regex Mean();
}
