using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Hub.Hosting;

namespace Network.Hub.Tests.Hosting;

public sealed class StartupBannerTests(HubApplication hub)
{
    private IReadOnlyList<ListedEndpoint> Endpoints => ListedEndpoint.From(hub.Services.GetRequiredService<EndpointDataSource>());

    [Fact]
    public void Announces_exactly_the_endpoints_the_hub_serves()
    {
        // When a feature adds an endpoint with a summary, it belongs here: the banner and home page show it.
        Assert.Equal(
            ["GET /", "GET /health", "GET /health/live", "GET /health/ready", "POST /connect/token", "GET /api/kpis", "GET /api/kpis/tree", "GET /api/kpis/{code}", "POST /api/snapshots", "GET /api/snapshots/{snapshotId:guid}",
             "POST /api/attestations", "GET /api/snapshots/{snapshotId:guid}/attestations",
             "GET /api/cities", "GET /api/cities/{cityId}/snapshots",
             "POST /api/cities", "GET /api/cities/{cityId}/keys", "POST /api/cities/{cityId}/keys", "POST /api/cities/{cityId}/keys/{keyId}/revoke", "GET /api/cities/{cityId}/jwks",
             "POST /api/enrollments", "GET /api/enrollments", "GET /api/enrollments/{enrollmentId:guid}",
             "POST /api/enrollments/{enrollmentId:guid}/approve", "POST /api/enrollments/{enrollmentId:guid}/reject",
             "GET /api/verifiers", "GET /api/verifiers/{verifierId}/jwks", "GET /api/verifiers/{verifierId}/keys", "POST /api/verifiers/{verifierId}/keys",
             "POST /api/verifiers/{verifierId}/keys/{keyId}/revoke", "POST /api/verifiers/{verifierId}/assignments", "DELETE /api/verifiers/{verifierId}/assignments/{cityId}",
             "GET /api/verification/queue",
             "GET /odata",
             "POST /graphql", "GET /graphql", "GET /graphql/ui",
             "GET /api/compare.csv", "GET /api/compare.xlsx",
             "GET /api/target-sets", "POST /api/target-sets",
             "GET /api/verification/snapshots/{snapshotId:guid}/sheet", "POST /api/verification/questions",
             "GET /api/cities/{cityId}/questions", "POST /api/cities/{cityId}/questions/answers", "GET /cities", "GET /compare", "GET /partners"],
            Endpoints.Select(e => $"{e.Method} {e.Pattern}"));
    }

    [Fact]
    public void Prints_the_catalogue_the_addresses_and_a_full_address_for_each_endpoint()
    {
        var banner = StartupBanner.Compose(["http://localhost:5080"], Endpoints, KpiCatalogue.Default);

        Assert.Contains("Sustainability Network hub", banner, StringComparison.Ordinal);
        Assert.Contains("u4ssc-2017.1, 91 KPIs", banner, StringComparison.Ordinal);
        Assert.Contains("    http://localhost:5080" + Environment.NewLine, banner, StringComparison.Ordinal);
        foreach (var path in new[] { "/health", "/api/kpis", "/api/kpis/tree", "/api/kpis/{code}" })
        {
            Assert.Contains($"GET  http://localhost:5080{path} ", banner, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Points_excel_and_power_bi_at_the_odata_feed()
    {
        var banner = StartupBanner.Compose(["http://localhost:5080"], Endpoints, KpiCatalogue.Default);

        Assert.Contains("GET  http://localhost:5080/odata ", banner, StringComparison.Ordinal);
        Assert.Contains("From OData Feed", banner, StringComparison.Ordinal);
    }

    [Fact]
    public void Says_how_to_sign_in_as_the_demo_people_when_the_demo_runs()
    {
        var hint = new SignInHint([new("coordinator@demo.network", "the coordinator's desks"), new("analyst@demo.network", "Trondheim's analyst desk")], "abcde-fghjk-mnpqr-stuvw");
        var demo = StartupBanner.Compose(["http://[::]:5080"], Endpoints, KpiCatalogue.Default, hint);
        var real = StartupBanner.Compose(["http://[::]:5080"], Endpoints, KpiCatalogue.Default);

        Assert.Contains("Sign in to the demo's desks", demo, StringComparison.Ordinal);
        Assert.Contains("    http://localhost:5080/sign-in" + Environment.NewLine, demo, StringComparison.Ordinal);
        Assert.Contains("    password   abcde-fghjk-mnpqr-stuvw" + Environment.NewLine, demo, StringComparison.Ordinal);
        Assert.Contains("    coordinator@demo.network  the coordinator's desks" + Environment.NewLine, demo, StringComparison.Ordinal);
        Assert.Contains("    analyst@demo.network      Trondheim's analyst desk" + Environment.NewLine, demo, StringComparison.Ordinal);
        Assert.DoesNotContain("Sign in to", real, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://[::]:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://+:8080", "http://localhost:8080")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080")]
    public void Links_to_localhost_when_the_hub_listens_on_every_interface(string address, string browsable)
    {
        Assert.Equal(browsable, StartupBanner.Browsable(address));

        var banner = StartupBanner.Compose([address], Endpoints, KpiCatalogue.Default);
        Assert.Contains($"    {address}{Environment.NewLine}", banner, StringComparison.Ordinal);
        Assert.Contains($"GET  {browsable}/health ", banner, StringComparison.Ordinal);
    }
}
