using System.Net;
using Network.Contracts.Snapshots;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Pages;

/// <summary>The Network and City profile pages, over real HTTP, as an anonymous reader (the public record) sees them.</summary>
public sealed class CityPagesTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();

    public async ValueTask InitializeAsync()
    {
        await _hub.RegisterAsync(_trondheim);
        await _hub.RegisterAsync(_bergen);
        using var client = _hub.CreateClient();
        using var final = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2020).WithValues(
            Value("EC-ICT-ICT-1C", 95, "%"), Value("EC-P-EM-1C", 1.34, "%"),
            new KpiValue("EN-EN-AQ-2C", null, 2.46, "tCO2e per capita per year", DataQuality.Measured, "Trondheim kommune", "Klimaregnskap 2020", "published-note-never-shown")).Sign());
        Assert.Equal(HttpStatusCode.Accepted, final.StatusCode);
        using var preliminary = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).WithValues(
            new KpiValue("EC-ICT-ICT-1C", null, 77.125, "%", DataQuality.Measured, "Trondheim kommune", "draft", "preliminary-note-never-shown")).Sign());
        Assert.Equal(HttpStatusCode.Accepted, preliminary.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
        _bergen.Dispose();
    }

    [Fact]
    public async Task The_network_page_lists_every_city_with_its_country_period_and_reported_kpis()
    {
        var html = await _hub.PageAsync("/cities", HttpStatusCode.OK);

        Assert.Contains("<h1>Network</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cities/NO-5001\"", html, StringComparison.Ordinal);
        Assert.Contains(">Trondheim</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Bergen</a>", html, StringComparison.Ordinal);
        Assert.Contains("<td>NO</td>", html, StringComparison.Ordinal);
        // The public record: 2020 (final) is the latest period, 2021 is preliminary and embargoed.
        Assert.Contains("<td class=\"number\">2020</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2021", html, StringComparison.Ordinal);
        Assert.Contains("3 of 91", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_draws_the_wheel_and_lists_values_with_missing_ones_as_not_reported()
    {
        var html = await _hub.PageAsync("/cities/NO-5001", HttpStatusCode.OK);

        Assert.Contains("<h1>Trondheim</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"wheel\"", html, StringComparison.Ordinal);
        Assert.Contains("Society and Culture", html, StringComparison.Ordinal);
        Assert.Contains("Environment", html, StringComparison.Ordinal);
        Assert.Contains("Economy", html, StringComparison.Ordinal);
        Assert.Contains("Klimaregnskap 2020", html, StringComparison.Ordinal);
        Assert.Contains("tCO2e per capita per year", html, StringComparison.Ordinal);
        Assert.Contains("not reported", html, StringComparison.Ordinal);
        Assert.Contains("/api/snapshots/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_reader_never_sees_a_note_or_a_preliminary_value()
    {
        var html = await _hub.PageAsync("/cities/NO-5001", HttpStatusCode.OK);

        Assert.DoesNotContain("note-never-shown", html, StringComparison.Ordinal);
        Assert.DoesNotContain("77.125", html, StringComparison.Ordinal);
        Assert.DoesNotContain("draft", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2020\" selected>2020</option>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_city_is_a_404_page()
    {
        var html = await _hub.PageAsync("/cities/XX-0000", HttpStatusCode.NotFound);

        Assert.Contains("No such city", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_style_sheet_is_served_by_the_hub_and_the_pages_need_no_inline_style_or_script()
    {
        using var client = _hub.CreateClient();
        using var css = await client.GetAsync("/pages.css", TestContext.Current.CancellationToken);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        var policy = css.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);

        var html = await _hub.PageAsync("/cities/NO-5001", HttpStatusCode.OK);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/pages.css\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }
}
