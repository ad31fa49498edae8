using System.Net;
using Network.Hub.GraphQL;

namespace Network.Hub.Tests.GraphQL;

public sealed class TryItPageTests(SampleNetwork network) : IClassFixture<SampleNetwork>
{
    [Theory]
    [InlineData("/graphql/ui", "application/json")]
    [InlineData("/graphql", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")]
    [InlineData("/graphql", "*/*")]
    public async Task Serves_a_page_to_try_queries_with_a_query_box_variables_and_a_run_button(string path, string accept)
    {
        using var client = network.Hub.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd(accept);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<textarea id=\"query\"", html, StringComparison.Ordinal);
        Assert.Contains("<textarea id=\"variables\"", html, StringComparison.Ordinal);
        Assert.Contains("<button id=\"run\"", html, StringComparison.Ordinal);
        Assert.Contains("fetch(\"/graphql\"", html, StringComparison.Ordinal);
        Assert.Contains("Compare Trondheim with the demo cities", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Loads_nothing_from_outside_the_hub()
    {
        var html = TryItPage.Html;

        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//cdn", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_example_on_the_page_runs_without_errors()
    {
        using var client = network.Hub.CreateClient();

        foreach (var example in TryItPage.Examples)
        {
            object? variables = example.Variables.Length == 0 ? null : System.Text.Json.JsonDocument.Parse(example.Variables).RootElement;
            var answer = await GraphQLAnswer.PostAsync(client, example.Query, variables);
            Assert.True(answer.Status == HttpStatusCode.OK && answer.Errors.Count == 0, $"{example.Title}: {answer.Body}");
        }
    }

    [Fact]
    public async Task The_home_page_links_to_it()
    {
        using var client = network.Hub.CreateClient();

        var home = await client.GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Contains("href=\"/graphql/ui\"", home, StringComparison.Ordinal);
    }
}
