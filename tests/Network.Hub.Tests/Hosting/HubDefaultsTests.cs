using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Contracts.Catalogue;
using Network.Hub.Hosting;

namespace Network.Hub.Tests.Hosting;

public sealed class HubDefaultsTests(HubApplication hub)
{
    [Fact]
    public void Kestrel_refuses_request_bodies_over_2_MiB()
    {
        // The in-memory test server does not enforce Kestrel's limits and the hub has no endpoint that reads
        // a body yet, so this checks the configuration Kestrel reads; the ingestion issue can test the 413 itself.
        var kestrel = hub.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;

        Assert.Equal(2 * 1024 * 1024, kestrel.Limits.MaxRequestBodySize);
        Assert.Equal(HubDefaults.MaxRequestBodySize, kestrel.Limits.MaxRequestBodySize);
    }

    [Fact]
    public async Task Answers_an_unknown_path_with_404_problem_details()
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync("/api/nothing-here", TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("/api/nothing-here", problem.GetProperty("instance").GetString());
    }

    [Fact]
    public async Task Answers_a_wrong_method_with_405_problem_details()
    {
        using var client = hub.CreateClient();
        using var content = new StringContent("{}");

        using var response = await client.PostAsync("/api/kpis", content, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Answers_an_unexpected_failure_with_500_problem_details_that_reveal_nothing_of_it()
    {
        // The factory hosts the hub in Development, where a stack trace would be most likely to leak.
        await using var failing = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddSingleton<KpiCatalogue>(_ => throw new InvalidOperationException("Server=db;Password=hunter2 is unreachable"))));
        using var client = failing.CreateClient();

        using var response = await client.GetAsync("/api/kpis/tree", TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }
}
