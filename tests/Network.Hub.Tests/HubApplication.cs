using System.Net.Http.Json;
using Network.Hub.Tests;
using Network.Testing.Hub;

[assembly: AssemblyFixture(typeof(HubApplication))]

namespace Network.Hub.Tests;

/// <summary>
/// The hub, hosted in memory once for the whole test assembly and spoken to over real HTTP. Tests that need
/// a changed hub derive one with <c>WithWebHostBuilder</c> and dispose it themselves.
/// </summary>
public sealed class HubApplication : HubFactory
{
    /// <summary>GETs <paramref name="path"/> and reads the body as <typeparamref name="T"/>, asserting a 200.</summary>
    public async Task<T> GetOkAsync<T>(string path)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return (await response.Content.ReadFromJsonAsync<T>(Json, TestContext.Current.CancellationToken))!;
    }
}
