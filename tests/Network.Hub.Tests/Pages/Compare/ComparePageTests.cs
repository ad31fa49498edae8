using System.Net;
using System.Text.RegularExpressions;
using Network.Contracts.Snapshots;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Pages.Compare;

/// <summary>
/// The Compare page over real HTTP: three cities' posted snapshots, side by side in the table and the charts, the
/// network median, the default target set's bands, the permalink, the exports carrying the same selection, refusals
/// with words and 400, and the embargo (an anonymous reader never sees a preliminary value).
/// </summary>
public sealed partial class ComparePageTests : IAsyncLifetime
{
    private const string ThreeCities = "/compare?cities=NO-5001&cities=NO-4601&cities=NO-0301&categories=EC-ICT-ICT&kpis=EC-P-EM-1C";

    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly TestCity _oslo = new("NO-0301", "Oslo");

    public async ValueTask InitializeAsync()
    {
        foreach (var city in new[] { _trondheim, _bergen, _oslo })
        {
            await _hub.RegisterAsync(city);
        }

        await PostAsync(_trondheim.Snapshot().ForPeriod(2020).WithValues(Value("EC-ICT-ICT-1C", 95, "%"), Value("EC-P-EM-1C", 1.34, "%")));
        await PostAsync(_bergen.Snapshot().ForPeriod(2020).WithValues(Value("EC-ICT-ICT-1C", 60.5, "%"), Value("EC-P-EM-1C", 2.5, "%")));
        // Oslo reports no unemployment figure: its cell is "not reported", never 0.
        await PostAsync(_oslo.Snapshot().ForPeriod(2020).WithValues(Value("EC-ICT-ICT-1C", 20.25, "%")));
        await PostAsync(_trondheim.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).WithValues(Value("EC-ICT-ICT-1C", 77.125, "%")));
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
        _oslo.Dispose();
    }

    [Fact]
    public async Task The_first_visit_is_the_form_with_every_city_and_category_labelled()
    {
        var html = await _hub.PageAsync("/compare", HttpStatusCode.OK);

        Assert.Contains("<h1>Compare cities</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"get\" action=\"/compare\"", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"checkbox\" id=\"city-NO-0301\" name=\"cities\" value=\"NO-0301\" />", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"city-NO-0301\">Oslo", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"category-EC-ICT-WS\">Water and Sanitation", html, StringComparison.Ordinal);
        Assert.Contains("<legend>Society and Culture</legend>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opened_from_a_citys_profile_the_form_has_that_city_ticked_and_compares_nothing_yet()
    {
        var html = await _hub.PageAsync("/compare?with=NO-5001", HttpStatusCode.OK);

        Assert.Contains("value=\"NO-5001\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"NO-4601\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("could not be shown", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_shows_each_citys_value_with_its_band_the_median_and_not_reported_for_a_missing_one()
    {
        var html = await _hub.PageAsync(ThreeCities, HttpStatusCode.OK);

        // Latest common period by default: 2020 (Trondheim's 2021 is preliminary and embargoed).
        Assert.Contains("3 cities, period 2020", html, StringComparison.Ordinal);
        Assert.Equal(
            "Household Internet Access EC-ICT-ICT-1C % 95 95%+ Target 60.5 33–66% of Target 20.25 Less than 33% of Target 60.5 3 reporting",
            RowText(html, "Household Internet Access"));
        Assert.Equal("Unemployment Rate EC-P-EM-1C % 1.34 2.5 not reported 1.92 2 reporting", RowText(html, "Unemployment Rate"));
        // The whole category: its KPIs nobody reported are rows of "not reported" too.
        Assert.Equal("Fixed Broadband Subscriptions EC-ICT-ICT-2C % not reported not reported not reported none 0 reporting",
            RowText(html, "Fixed Broadband Subscriptions"));
    }

    [Fact]
    public async Task Each_kpi_has_a_chart_with_the_median_and_where_the_target_set_scores_it_the_band_thresholds()
    {
        var html = await _hub.PageAsync(ThreeCities, HttpStatusCode.OK);
        var charts = Regex.Matches(html, "<figure class=\"cmp-chart\">.*?</figure>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();

        var internet = Assert.Single(charts, c => c.Contains("<strong>Household Internet Access</strong>", StringComparison.Ordinal));
        Assert.Contains("role=\"img\"", internet, StringComparison.Ordinal);
        Assert.Matches("aria-describedby=\"row-\\d+\"", internet);
        Assert.Contains(">network median 60.5</text>", internet, StringComparison.Ordinal);
        Assert.Contains("Target 100 (definition-implied 1)", internet, StringComparison.Ordinal);
        Assert.Contains("Less than 33% of Target from 0 to 33; 33–66% of Target from 33 to 66; 66–95% of Target from 66 to 95; 95%+ Target from 95.", internet, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(internet, "class=\"cmp-band cmp-band-[1-4]\""));
        Assert.Contains(">95%+</text>", internet, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(internet, "class=\"cmp-bar\""));

        // Unemployment has no target in the default set: a median, no bands, and Oslo's row says so instead of a bar.
        var unemployment = Assert.Single(charts, c => c.Contains("<strong>Unemployment Rate</strong>", StringComparison.Ordinal));
        Assert.Contains(">network median 1.92</text>", unemployment, StringComparison.Ordinal);
        Assert.Contains("No target in this set: no bands.", unemployment, StringComparison.Ordinal);
        Assert.DoesNotContain("cmp-band-", unemployment, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(unemployment, "class=\"cmp-bar\""));
        Assert.Contains("cmp-missing\">not reported</text>", unemployment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_permalink_reproduces_the_same_page_with_the_period_pinned()
    {
        var html = await _hub.PageAsync(ThreeCities, HttpStatusCode.OK);
        var permalink = Href(html, "Permalink to this comparison");

        Assert.Equal(ThreeCities + "&period=2020", permalink);
        var again = await _hub.PageAsync(permalink, HttpStatusCode.OK);
        Assert.Equal(Result(html), Result(again));
        Assert.Contains("<option value=\"2020\" selected>2020</option>", again, StringComparison.Ordinal);
        Assert.Contains("id=\"category-EC-ICT-ICT\" name=\"categories\" value=\"EC-ICT-ICT\" checked", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_links_carry_the_selection_and_answer_with_the_same_numbers()
    {
        var html = await _hub.PageAsync(ThreeCities, HttpStatusCode.OK);
        using var client = _hub.CreateClient();

        var csvLink = Href(html, "Download CSV");
        Assert.StartsWith("/api/compare.csv?cities=NO-5001%2CNO-4601%2CNO-0301&period=2020&kpis=EC-ICT-ICT-1C%2CEC-ICT-ICT-2C", csvLink, StringComparison.Ordinal);
        using var csv = await client.GetAsync(csvLink, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n");
        Assert.Contains("NO-0301", lines[0], StringComparison.Ordinal);
        var internet = Assert.Single(lines, l => l.StartsWith("EC-ICT-ICT-1C,", StringComparison.Ordinal));
        Assert.Contains(",60.5,3,95,", internet, StringComparison.Ordinal);
        Assert.Contains(",20.25,", internet, StringComparison.Ordinal);
        Assert.Contains(",1.92,2,1.34,", Assert.Single(lines, l => l.StartsWith("EC-P-EM-1C,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal(html.Split("<tr id=\"row-").Length - 1, lines.Count(l => l.StartsWith("EC-", StringComparison.Ordinal)));

        using var xlsx = await client.GetAsync(Href(html, "Download Excel (XLSX)"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/compare?cities=NO-5001", "Cities", "Choose at least 2 cities to compare; only NO-5001 was chosen.")]
    [InlineData("/compare?cities=NO-5001&period=&targetSet=", "Cities", "Choose at least 2 cities to compare; only NO-5001 was chosen.")]
    [InlineData("/compare?cities=NO-5001&cities=XX-0000", "Cities", "No member city has the id &#x27;XX-0000&#x27;.")]
    [InlineData("/compare?cities=NO-5001,NO-4601&kpis=EC-NOPE-1", "KPIs and categories", "has no KPI &#x27;EC-NOPE-1&#x27;.")]
    [InlineData("/compare?cities=NO-5001,NO-4601&categories=EC-NOPE", "KPIs and categories", "has no category &#x27;EC-NOPE&#x27;.")]
    [InlineData("/compare?cities=NO-5001,NO-4601&period=last", "Period", "&#x27;last&#x27; is not a year")]
    [InlineData("/compare?cities=NO-5001,NO-4601&targetSet=utopia", "Target set", "No target set is named &#x27;utopia&#x27;")]
    public async Task A_bad_choice_is_a_400_page_naming_the_field_and_why_with_every_choice_kept(string path, string field, string words)
    {
        var html = await _hub.PageAsync(path, HttpStatusCode.BadRequest);

        Assert.Contains("The comparison could not be shown", html, StringComparison.Ordinal);
        Assert.Matches($"<li><a href=\"#field-[a-z]+\">{Regex.Escape(field)}</a>: [^<]*{Regex.Escape(words)}", html);
        Assert.Contains("<strong>Problem:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<details class=\"cmp-form-box\" open>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"NO-5001\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_with_nothing_chosen_says_what_to_choose()
    {
        var html = await _hub.PageAsync("/compare?period=&targetSet=", HttpStatusCode.BadRequest);

        Assert.Contains("Choose at least 2 cities to compare, e.g. NO-5001 and NO-9901.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_twenty_cities_are_refused_before_any_work_and_kept_in_the_form()
    {
        var ids = Enumerable.Range(1, 21).Select(i => $"XX-{i:D4}").ToArray();
        var html = await _hub.PageAsync("/compare?cities=" + string.Join(",", ids), HttpStatusCode.BadRequest);

        Assert.Contains("A comparison on this page holds at most 20 cities; 21 were chosen.", html, StringComparison.Ordinal);
        // Unknown ids are not looked up when the count is already wrong, but every one stays chosen in the form.
        Assert.DoesNotContain("No member city", html, StringComparison.Ordinal);
        Assert.All(ids, id => Assert.Contains($"value=\"{id}\" checked", html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_anonymous_reader_never_sees_a_preliminary_value_and_a_member_does()
    {
        var anonymous = await _hub.PageAsync(ThreeCities + "&period=2021", HttpStatusCode.OK);
        Assert.DoesNotContain("77.125", anonymous, StringComparison.Ordinal);
        Assert.DoesNotContain("<option value=\"2021\"", await _hub.PageAsync("/compare", HttpStatusCode.OK), StringComparison.Ordinal);
        Assert.StartsWith("Household Internet Access EC-ICT-ICT-1C % not reported not reported not reported", RowText(anonymous, "Household Internet Access"), StringComparison.Ordinal);

        // A signed-in member: on pages the session counts, as a member's token does on the APIs.
        using var client = await _hub.CreateSignedInClientAsync(SignedInPeople.Member);
        using var response = await client.GetAsync(ThreeCities + "&period=2021", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("77.125", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_has_no_inline_style_or_script()
    {
        var html = await _hub.PageAsync(ThreeCities, HttpStatusCode.OK);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<h1[ >]"));
        Assert.Contains("<title>Compare cities · Sustainability Network</title>", html, StringComparison.Ordinal);
    }

    private async Task PostAsync(SnapshotBuilder snapshot)
    {
        using var client = _hub.CreateClient();
        using var response = await SnapshotDoor.PostAsync(client, snapshot.Sign());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }


    // The text of the table row whose header names the KPI, tags removed and white space collapsed.
    private static string RowText(string html, string kpiName)
    {
        var row = Regex.Matches(html, "<tr id=\"row-\\d+\">.*?</tr>", RegexOptions.Singleline)
            .Select(m => m.Value).Single(r => r.Contains($"<th scope=\"row\">{kpiName} ", StringComparison.Ordinal));
        return WhiteSpace().Replace(WebUtility.HtmlDecode(Tags().Replace(row, " ")), " ").Trim();
    }

    private static string Href(string html, string text) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"<a href=\"([^\"]+)\"[^>]*>{Regex.Escape(text)}</a>").Groups[1].Value);

    private static string Result(string html) => html[html.IndexOf("<section id=\"result\"", StringComparison.Ordinal)..];

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\s+")]
    private static partial Regex WhiteSpace();
}
