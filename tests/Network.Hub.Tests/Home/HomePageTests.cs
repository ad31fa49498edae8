using System.Net;
using System.Text.RegularExpressions;

namespace Network.Hub.Tests.Home;

public sealed partial class HomePageTests(HubApplication hub)
{
    [Fact]
    public async Task Is_an_html_page_titled_Sustainability_Network_hub()
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Sustainability Network hub</title>", html, StringComparison.Ordinal);
        Assert.Contains("u4ssc-2017.1", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_each_endpoint_and_every_link_answers()
    {
        using var client = hub.CreateClient();
        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        var links = Links(html);

        Assert.Superset(new HashSet<string> { "/", "/health", "/api/kpis", "/api/kpis/tree", "/api/kpis/EC-ICT-ICT-1C" }, links.ToHashSet());
        foreach (var link in links)
        {
            using var response = await client.GetAsync(link, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Loads_nothing_from_elsewhere()
    {
        using var client = hub.CreateClient();

        var html = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(Links(html), link => Assert.StartsWith("/", link, StringComparison.Ordinal));
    }

    private static string[] Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToArray();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Href();
}
