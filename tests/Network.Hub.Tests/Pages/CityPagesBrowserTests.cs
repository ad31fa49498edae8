using System.Net;
using Network.Hub.Tests.Ingestion;
using Network.Hub.Tests.Pages.Browser;
using Network.Testing;

namespace Network.Hub.Tests.Pages;

/// <summary>
/// A smoke test in a real browser (<see cref="BrowserPage"/>): the Network page, the link to a city, its wheel, and
/// nothing that went wrong on the way (no console error, CSP violation or failed request).
/// </summary>
public sealed class CityPagesBrowserTests
{
    [Fact]
    public async Task The_network_page_leads_to_a_citys_wheel_without_a_console_error()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new KestrelHub();
        using var trondheim = TestCity.Trondheim();
        await hub.RegisterAsync(trondheim);
        using (var client = hub.CreateClient())
        using (var published = await SnapshotDoor.PostAsync(client, trondheim.Snapshot().ForPeriod(2020).Sign()))
        {
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        }

        var page = browser.Page;
        await page.GotoAsync(hub.Root + "/cities");
        await browser.ScreenshotAsync("network");
        await page.ClickAsync("a[href='/cities/NO-5001']");
        await page.WaitForURLAsync("**/cities/NO-5001");
        await browser.ScreenshotAsync("city-profile");

        Assert.Equal("Trondheim", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator("svg.wheel path").CountAsync() > 3);
        browser.AssertNoProblems();
    }
}
