using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Hub.Tests.Health;

public sealed class HealthApiTests(HubApplication hub)
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Reports_ready_with_each_check_the_catalogue_version_and_kpi_count(string path)
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["status", "catalogueVersion", "kpis", "checks"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("u4ssc-2017.1", body.RootElement.GetProperty("catalogueVersion").GetString());
        Assert.Equal(91, body.RootElement.GetProperty("kpis").GetInt32());
        var checks = body.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks["database"]);
        Assert.Equal("healthy", checks["token-keys"]);
        Assert.Equal("healthy", checks["masstransit-bus"]);
    }

    [Fact]
    public async Task Liveness_runs_no_check()
    {
        await using var broken = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("bus", () => throw new InvalidOperationException("unreachable"))));
        using var client = broken.CreateClient();

        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateArray());
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Reports_unhealthy_with_503_when_a_check_fails_without_revealing_its_exception(string path)
    {
        await using var broken = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("bus", () => throw new InvalidOperationException("amqp://guest:hunter2@broker is unreachable"), tags: ["ready"])));
        using var client = broken.CreateClient();

        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unreachable", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_HEAD_on_every_health_path()
    {
        using var client = hub.CreateClient();
        foreach (var path in new[] { "/health", "/health/live", "/health/ready" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, path);
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
