using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Snapshots;
using Network.Hub.Limits;
using Network.Hub.Tests.GraphQL;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Pages.Partners;

/// <summary>
/// The Partners page over real HTTP, as an anonymous reader sees it, on five cities whose strengths complement each
/// other: Trondheim is strong in Economy and weak in Environment, Bergen the opposite, Stavanger alike in Economy,
/// Tromsø alike in Environment, Oslo strong in Environment and Society. A sixth city has only a preliminary snapshot.
/// </summary>
public sealed partial class PartnersPageTests : IAsyncLifetime
{
    private static readonly string[] EconomyKpis = ["EC-ICT-ICT-1C", "EC-ICT-WS-1C", "EC-I-WS-1C"];
    private static readonly string[] EnvironmentKpis = ["EN-EN-WS-1C", "EN-EN-PSN-2A", "EN-E-E-1C"];
    private static readonly string[] SocietyKpis = ["SC-EH-ED-1C", "SC-EH-ED-4C"];

    private readonly HubFactory _hub = new();
    private readonly List<TestCity> _cities = [];

    public async ValueTask InitializeAsync()
    {
        // Economy, Environment, Society and Culture: one level per dimension, all "higher is better" percentages.
        await PublishAsync(new TestCity("NO-5001", "Trondheim"), 90, 10, 50);
        await PublishAsync(new TestCity("NO-4601", "Bergen"), 10, 90, 50);
        await PublishAsync(new TestCity("NO-1103", "Stavanger"), 85, 70, 55);
        await PublishAsync(new TestCity("NO-5501", "Tromsø"), 40, 15, 45);
        await PublishAsync(new TestCity("NO-0301", "Oslo"), 20, 80, 95);
        // Bodø published only a preliminary snapshot: the public record does not hold it, so an anonymous reader
        // never meets it as a partner, a similar city or a city to learn from.
        await PublishAsync(new TestCity("NO-1804", "Bodø"), 11.125, 99.125, 99.125, SnapshotStatus.Preliminary);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        foreach (var city in _cities)
        {
            city.Dispose();
        }
    }

    [Fact]
    public async Task Without_a_city_the_page_is_the_form_with_labels_and_the_allowed_ranges()
    {
        var html = await _hub.PageAsync("/partners", HttpStatusCode.OK);

        Assert.Contains("<h1>Partners</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/partners\"", html, StringComparison.Ordinal);
        foreach (var field in new[] { "city", "period", "basis", "economy", "environment", "society", "partners" })
        {
            Assert.Contains($"<label for=\"{field}\">", html, StringComparison.Ordinal);
        }

        Assert.Contains("from 0 to 10 each", html, StringComparison.Ordinal);
        Assert.Contains("Partners to show (1 to 20)", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"NO-5001\">Trondheim (NO-5001)</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Similar cities", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complementary_partners_come_in_the_engines_order_with_contributions_that_add_up_to_the_totals_graphql_answers()
    {
        var html = await _hub.PageAsync("/partners?city=NO-5001", HttpStatusCode.OK);
        using var client = _hub.CreateClient();
        var peers = (await GraphQLAnswer.PostAsync(client,
            "query { peers(city: \"NO-5001\", mode: COMPLEMENTARY, limit: 5) { match { partnerId teaches learns mutual } } }")).Ok().At("peers").Items();

        var shown = Articles(html);
        Assert.Equal(peers.Select(p => p.At("match.partnerId").GetString()), shown.Select(a => a.PartnerId));
        // Bergen is strong exactly where Trondheim is weak and the other way round.
        Assert.Equal("NO-4601", shown[0].PartnerId);
        Assert.Contains("Bergen can teach Trondheim about ", html, StringComparison.Ordinal);
        Assert.Contains("Trondheim can teach Bergen about ", html, StringComparison.Ordinal);
        foreach (var (article, peer) in shown.Zip(peers))
        {
            Assert.NotEmpty(article.Teaches);
            Assert.NotEmpty(article.Learns);
            // The contributions printed add up to the total printed (to the last printed digit per row) ...
            Assert.Equal(article.TeachesTotal, article.Teaches.Sum(), 4.0 * 0.00005 * article.Teaches.Count + 1e-9);
            Assert.Equal(article.LearnsTotal, article.Learns.Sum(), 4.0 * 0.00005 * article.Learns.Count + 1e-9);
            // ... and the totals are GraphQL's, to the four decimals printed.
            Assert.Equal(Math.Round(peer.At("match.teaches").GetDouble(), 4), article.TeachesTotal);
            Assert.Equal(Math.Round(peer.At("match.learns").GetDouble(), 4), article.LearnsTotal);
            Assert.Equal(Math.Round(peer.At("match.mutual").GetDouble(), 4), article.Mutual);
            // The chart draws one segment per contribution row of the table.
            Assert.Equal(article.Teaches.Count + article.Learns.Count, article.Segments);
        }
    }

    [Fact]
    public async Task The_weights_change_the_order_of_similar_cities()
    {
        var economy = Similar(await _hub.PageAsync("/partners?city=NO-5001&economy=10&environment=0&society=0", HttpStatusCode.OK));
        var environment = Similar(await _hub.PageAsync("/partners?city=NO-5001&economy=0&environment=10&society=0", HttpStatusCode.OK));

        // On Economy Stavanger stands next to Trondheim; on Environment, Tromsø does.
        Assert.Equal("NO-1103", economy[0]);
        Assert.Equal("NO-5501", environment[0]);
        Assert.NotEqual(economy, environment);
    }

    [Fact]
    public async Task Learn_from_whom_lists_the_best_city_for_each_weak_kpi_with_its_value_and_unit()
    {
        var html = await _hub.PageAsync("/partners?city=NO-5001", HttpStatusCode.OK);

        var learn = html[html.IndexOf("id=\"learn-heading\"", StringComparison.Ordinal)..];
        // Trondheim's Environment KPIs are its weak ones; Bergen does best on them.
        Assert.Contains("Renewable Energy Consumption", learn, StringComparison.Ordinal);
        Assert.DoesNotContain("Household Internet Access", learn, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/cities/NO-4601\">Bergen</a> (best)", learn, StringComparison.Ordinal);
        Assert.Contains("<td>90 %</td>", learn, StringComparison.Ordinal);
        Assert.Contains("Trondheim reports 10 % and stands at 0.0", learn, StringComparison.Ordinal);
        Assert.Contains("It can learn this from", learn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/partners?city=XX-0000", "city", "no member city")]
    [InlineData("/partners?city=NO-5001&economy=11", "economy", "Weight of Economy must be a number from 0 to 10")]
    [InlineData("/partners?city=NO-5001&society=-1", "society", "Weight of Society and Culture must be a number from 0 to 10")]
    [InlineData("/partners?city=NO-5001&environment=lots", "environment", "Weight of Environment must be a number")]
    [InlineData("/partners?city=NO-5001&economy=0&environment=0&society=0", "economy", "At least one dimension needs a weight above 0")]
    [InlineData("/partners?city=NO-5001&partners=21", "partners", "Partners to show must be between 1 and 20")]
    [InlineData("/partners?city=NO-5001&partners=0", "partners", "Partners to show must be between 1 and 20")]
    [InlineData("/partners?city=NO-5001&period=2031", "period", "no values you may read for 2031")]
    [InlineData("/partners?city=NO-5001&period=last", "period", "Period must be a year")]
    [InlineData("/partners?city=NO-5001&basis=everything", "basis", "Values must be asReported or asVerified")]
    public async Task Bad_input_is_the_form_again_with_a_message_naming_the_field_and_a_400(string path, string field, string words)
    {
        var html = await _hub.PageAsync(path, HttpStatusCode.BadRequest);

        Assert.Contains("Please correct the form", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"#{field}\">", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-problem\"", html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"{field}-problem\"", html, StringComparison.Ordinal);
        Assert.Contains(words, html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/partners\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Complementary partners", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_overlong_field_is_refused_without_being_echoed_in_full()
    {
        var html = await _hub.PageAsync("/partners?city=" + new string('A', 5000), HttpStatusCode.BadRequest);

        Assert.Contains("City is longer than 64 characters.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('A', 65), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_reader_never_sees_a_preliminary_value_or_the_city_that_only_sent_one()
    {
        var html = await _hub.PageAsync("/partners?city=NO-5001&partners=20", HttpStatusCode.OK);
        Assert.DoesNotContain("/cities/NO-1804", html, StringComparison.Ordinal);
        Assert.DoesNotContain(".125", html, StringComparison.Ordinal);
        Assert.Contains("/cities/NO-4601", html, StringComparison.Ordinal);

        // Bodø's own page of partners: it has no public values, so the engine has nothing to match.
        var own = await _hub.PageAsync("/partners?city=NO-1804", HttpStatusCode.BadRequest);
        Assert.Contains("NO-1804 reported no values for 2020 that you may read.", own, StringComparison.Ordinal);
        Assert.DoesNotContain(".125", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_costly_slot_is_taken_the_page_answers_503_with_retry_after_instead_of_matching()
    {
        var gate = _hub.Services.GetRequiredService<CostlyWorkGate>();
        var slots = new List<IDisposable>();
        try
        {
            for (var i = 0; i < gate.Options.MaxConcurrent; i++)
            {
                slots.Add((await gate.TryEnterAsync(TestContext.Current.CancellationToken))!);
            }

            using var client = _hub.CreateClient();
            using var response = await client.GetAsync("/partners?city=NO-5001", TestContext.Current.CancellationToken);
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(gate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("Retry-After").Single());
            Assert.Contains("The hub is running as many costly queries as it allows at once", html, StringComparison.Ordinal);
            Assert.DoesNotContain("Complementary partners", html, StringComparison.Ordinal);
        }
        finally
        {
            slots.ForEach(s => s.Dispose());
        }

        await _hub.PageAsync("/partners?city=NO-5001", HttpStatusCode.OK);
    }

    private async Task PublishAsync(TestCity city, double economy, double environment, double society, SnapshotStatus status = SnapshotStatus.Final)
    {
        _cities.Add(city);
        await _hub.RegisterAsync(city);
        using var client = _hub.CreateClient();
        var values = EconomyKpis.Select(k => Value(k, economy, "%"))
            .Concat(EnvironmentKpis.Select(k => Value(k, environment, "%")))
            .Concat(SocietyKpis.Select(k => Value(k, society, "%")));
        using var response = await SnapshotDoor.PostAsync(client, city.Snapshot().ForPeriod(2020).WithStatus(status).WithValues(values).Sign());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }


    // The similar cities' ids, in the order the table lists them.
    private static List<string> Similar(string html)
    {
        var start = html.IndexOf("<table class=\"similar\">", StringComparison.Ordinal);
        var table = html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
        return [.. CityLink().Matches(table).Select(m => m.Groups[1].Value)];
    }

    private static List<ShownPartner> Articles(string html) =>
    [
        .. Article().Matches(html).Select(m =>
        {
            var body = m.Groups[2].Value;
            List<double> Numbers(Regex pattern, string text) => [.. pattern.Matches(text).Select(x => double.Parse(x.Groups[1].Value, CultureInfo.InvariantCulture))];
            var teaches = TeachesBody().Match(body).Groups[1].Value;
            var learns = LearnsBody().Match(body).Groups[1].Value;
            return new ShownPartner(
                m.Groups[1].Value,
                Numbers(ContributionCell(), teaches),
                Numbers(TotalCell(), teaches).Single(),
                Numbers(ContributionCell(), learns),
                Numbers(TotalCell(), learns).Single(),
                Numbers(MutualCell(), body).Single(),
                Segment().Count(body));
        }),
    ];

    private sealed record ShownPartner(string PartnerId, List<double> Teaches, double TeachesTotal, List<double> Learns, double LearnsTotal, double Mutual, int Segments);

    [GeneratedRegex("<article class=\"partner\"[^>]*>\\s*<h3 id=\"partner-\\d+\">\\d+\\. <a href=\"/cities/([^\"]+)\">(.*?)</article>", RegexOptions.Singleline)]
    private static partial Regex Article();

    [GeneratedRegex("<tbody class=\"teaches\">(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex TeachesBody();

    [GeneratedRegex("<tbody class=\"learns\">(.*?)</tbody>", RegexOptions.Singleline)]
    private static partial Regex LearnsBody();

    [GeneratedRegex("class=\"number contribution-value\">([0-9.]+)<")]
    private static partial Regex ContributionCell();

    [GeneratedRegex("class=\"number total-value\">([0-9.]+)<")]
    private static partial Regex TotalCell();

    [GeneratedRegex("class=\"number mutual-value\">([0-9.]+)<")]
    private static partial Regex MutualCell();

    [GeneratedRegex("<rect ")]
    private static partial Regex Segment();

    [GeneratedRegex("<a href=\"/cities/([^\"]+)\">")]
    private static partial Regex CityLink();
}
