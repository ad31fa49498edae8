using System.Net;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>Only a network:coordinate token reaches the coordinator's endpoints; anonymous is 401, any other token 403.</summary>
public sealed class CoordinatorAccessTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();

    public static TheoryData<string, string> CoordinatorEndpoints => new()
    {
        { "GET", "/api/enrollments" },
        { "GET", $"/api/enrollments/{Guid.Empty}" },
        { "POST", $"/api/enrollments/{Guid.Empty}/approve" },
        { "POST", $"/api/enrollments/{Guid.Empty}/reject" },
        { "POST", "/api/cities" },
        { "GET", "/api/cities/NO-5001/keys" },
        { "POST", "/api/cities/NO-5001/keys" },
        { "POST", "/api/cities/NO-5001/keys/some-key/revoke" },
    };

    public async ValueTask InitializeAsync() => await _hub.RegisterAsync(_trondheim);

    public async ValueTask DisposeAsync()
    {
        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    public async Task Anonymous_is_401(string method, string path)
    {
        using var client = _hub.CreateClient();

        using var response = await AccessRequests.SendAsync(client, method, path);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    public async Task A_member_citys_read_token_is_403(string method, string path)
    {
        var reader = await _hub.AddCoordinatorClientAsync("Bergen analysts", [Scopes.Read]);
        using var client = await _hub.CreateClientAsync(reader);

        using var response = await AccessRequests.SendAsync(client, method, path);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"'{Scopes.Coordinate}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CoordinatorEndpoints))]
    public async Task A_nodes_token_is_403(string method, string path)
    {
        using var client = await _hub.CreateNodeClientAsync("NO-5001");

        using var response = await AccessRequests.SendAsync(client, method, path);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
