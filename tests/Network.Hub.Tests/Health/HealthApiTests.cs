using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Hub.Tests.Health;

public sealed class HealthApiTests(HubApplication hub)
{
    [Fact]
    public async Task Reports_healthy_with_the_catalogue_version_and_kpi_count()
    {
        using var client = hub.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["status", "catalogueVersion", "kpis"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("u4ssc-2017.1", body.RootElement.GetProperty("catalogueVersion").GetString());
        Assert.Equal(91, body.RootElement.GetProperty("kpis").GetInt32());
    }

    [Fact]
    public async Task Reports_unhealthy_with_503_when_a_check_fails_without_revealing_its_exception()
    {
        await using var broken = hub.WithWebHostBuilder(web => web.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("bus", () => throw new InvalidOperationException("amqp://guest:hunter2@broker is unreachable"))));
        using var client = broken.CreateClient();

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(text);
        Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
    }
}
