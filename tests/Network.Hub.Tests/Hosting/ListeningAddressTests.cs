using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Network.Hub.Hosting;

namespace Network.Hub.Tests.Hosting;

/// <summary>
/// The standard ASP.NET Core address settings decide where the hub listens; port 5080 is only the default when none
/// is given (issue 11, class 13: appsettings.json and launchSettings.json set Urls, so ASPNETCORE_URLS did nothing).
/// </summary>
public sealed class ListeningAddressTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public void Listens_on_5080_when_no_address_is_given()
    {
        Assert.Equal("http://localhost:5080", ListeningAddress.DefaultUnlessGiven(Configuration([])));
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:8080")]      // ASPNETCORE_URLS, --urls, Urls in appsettings.json
    [InlineData("http_ports", "8080")]               // ASPNETCORE_HTTP_PORTS, as the .NET container images set it
    [InlineData("https_ports", "8443")]              // ASPNETCORE_HTTPS_PORTS
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public void Leaves_the_address_to_the_setting_that_gives_one(string key, string value)
    {
        Assert.Null(ListeningAddress.DefaultUnlessGiven(Configuration(new() { [key] = value })));
    }

    [Fact]
    public void Sets_no_address_in_its_own_configuration_files()
    {
        // A Urls in appsettings.json, or an applicationUrl in launchSettings.json, overrides the environment under dotnet run.
        var appsettings = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json"));
        Assert.DoesNotContain("\"Urls\"", appsettings, StringComparison.OrdinalIgnoreCase);
        var launchSettings = Path.Combine(HubProcess.RepositoryRoot(), "src", "Network.Hub", "Properties", "launchSettings.json");
        Assert.DoesNotContain("applicationUrl", File.ReadAllText(launchSettings), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_hub_started_with_ASPNETCORE_URLS_listens_there_and_its_banner_says_so()
    {
        // Port 0: Kestrel picks a free port, and the banner must print the one it got, not the one asked for.
        await using var hub = HubProcess.Start(new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        var address = await hub.ListeningAsync(StartTimeout);

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(0, address.Port);
        Assert.NotEqual(5080, address.Port);
        await AssertLiveAsync(address);
    }

    [Fact]
    public async Task Under_dotnet_run_ASPNETCORE_URLS_wins_over_the_launch_profile()
    {
        await using var hub = HubProcess.StartWithDotnetRun(new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" });

        var address = await hub.ListeningAsync(StartTimeout);

        Assert.Equal("127.0.0.1", address.Host);
        Assert.NotEqual(5080, address.Port);
        await AssertLiveAsync(address);
    }

    [Fact]
    public async Task A_hub_started_with_ASPNETCORE_HTTP_PORTS_listens_on_that_port()
    {
        var port = FreePort();
        await using var hub = HubProcess.Start(new Dictionary<string, string?> { ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var address = await hub.ListeningAsync(StartTimeout);

        Assert.Equal(port, address.Port);
        await AssertLiveAsync(new Uri($"http://127.0.0.1:{port}"));
    }

    private static async Task AssertLiveAsync(Uri address)
    {
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
