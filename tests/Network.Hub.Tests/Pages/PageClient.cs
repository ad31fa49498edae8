using System.Net;
using System.Net.Http.Headers;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages;

/// <summary>
/// Reads a page over real HTTP as an anonymous visitor, as a browser asks for it (<c>Accept: text/html</c>), and checks
/// its status, its media type and that it holds no inline style or script (the hub's content security policy allows none).
/// </summary>
internal static class PageClient
{
    public static async Task<string> PageAsync(this HubFactory hub, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var client = hub.CreateClient();
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"{path}: {(int)response.StatusCode} {html}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        return html;
    }
}
