using System.Net;
using System.Text.RegularExpressions;
using Network.EndToEnd.Tests.Faults;
using Network.Testing.Hub;

namespace Network.EndToEnd.Tests.Administration;

/// <summary>
/// The admin command a fresh setup starts with: <c>clients add</c> run as the hub's own process on the hub's database
/// prints a client id and secret that the hub then accepts at its token endpoint.
/// </summary>
public sealed partial class ClientsCommandTests
{
    [Fact]
    public async Task The_first_coordinator_created_by_the_admin_command_gets_a_token_and_reaches_coordinator_endpoints()
    {
        await using var hub = new HubFactory();
        using var client = hub.CreateClient();
        var settings = new Dictionary<string, string?> { ["Network:Storage:ConnectionString"] = hub.ConnectionString };

        var output = await HubProcess.RunCommandAsync(settings, "clients", "add", "--coordinator", "Secretariat");

        Assert.Contains("Created the OAuth client coordinator-secretariat (scopes: network:coordinate, network:read)", output, StringComparison.Ordinal);
        var secret = Secret().Match(output).Groups[1].Value;
        using var coordinator = hub.CreateClient().WithToken(await TestTokens.RequestAsync(client, "coordinator-secretariat", secret, ct: TestContext.Current.CancellationToken));
        using var response = await coordinator.GetAsync("/api/enrollments", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var listed = await HubProcess.RunCommandAsync(settings, "clients", "list");
        Assert.Contains("coordinator-secretariat  Secretariat  scopes: network:read, network:coordinate", listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_node_client_created_by_the_admin_command_names_its_city()
    {
        await using var hub = new HubFactory();
        using var client = hub.CreateClient();
        var settings = new Dictionary<string, string?> { ["Network:Storage:ConnectionString"] = hub.ConnectionString };

        var output = await HubProcess.RunCommandAsync(settings, "clients", "add", "--city", "NO-5001");

        var token = await TestTokens.RequestAsync(client, "node-NO-5001", Secret().Match(output).Groups[1].Value, ct: TestContext.Current.CancellationToken);
        Assert.Equal("NO-5001", TestTokens.Claims(token).GetProperty("city").GetString());
    }

    [GeneratedRegex(@"client secret\s+(\S+)")]
    private static partial Regex Secret();
}
