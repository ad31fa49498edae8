using System.Net;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages;

/// <summary>Reads a page over real HTTP as an anonymous visitor and checks its status and media type.</summary>
internal static class PageClient
{
    public static async Task<string> PageAsync(this HubFactory hub, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = hub.CreateClient();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }
}
