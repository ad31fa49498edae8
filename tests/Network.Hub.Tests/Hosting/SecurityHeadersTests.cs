using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Hub.Hosting;

namespace Network.Hub.Tests.Hosting;

public sealed partial class SecurityHeadersTests(HubApplication hub)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/kpis")]
    [InlineData("/graphql/ui")]
    [InlineData("/odata/$metadata")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/enrollments")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        AssertHeaders(response);
    }

    [Fact]
    public async Task An_unexpected_failure_carries_them_too()
    {
        await using var failing = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<KpiCatalogue>(_ => throw new InvalidOperationException("boom"))));
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/api/kpis/tree", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertHeaders(response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/graphql/ui")]
    public async Task The_policy_allows_exactly_the_inline_style_and_script_of_the_hubs_own_pages(string path)
    {
        using var client = hub.CreateClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        var inline = Inline().Matches(html).ToList();

        Assert.NotEmpty(inline);
        foreach (Match element in inline)
        {
            var directive = element.Groups["tag"].Value + "-src ";
            var sources = policy.Split("; ").Single(d => d.StartsWith(directive, StringComparison.Ordinal));
            Assert.Contains(SecurityHeaders.Hash(element.Groups["body"].Value), sources, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal); // the try-it page POSTs to /graphql
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        var policy = Single(response, "Content-Security-Policy");
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        (response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []).Single();

    [GeneratedRegex(@"<(?<tag>script|style)(?:\s[^>]*)?>(?<body>.*?)</\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex Inline();
}
