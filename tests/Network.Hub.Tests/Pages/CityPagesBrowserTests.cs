using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Demo;
using Network.Hub.Keys;
using Network.Hub.Tests.Ingestion;
using Network.Hub.Tests.Pages.Browser;
using Network.Testing;
using Network.ValueFiles;

namespace Network.Hub.Tests.Pages;

/// <summary>
/// The Network page and a city's profile in a real browser (<see cref="BrowserPage"/>), on the demo network's own value
/// files (Trondheim's real 2020 values and three synthetic Norwegian cities): filtered with the keyboard alone, and
/// nothing that went wrong on the way (no console error, CSP violation or failed request).
/// </summary>
public sealed class CityPagesBrowserTests
{
    private static readonly string[] Cities = ["NO-5001", "NO-9901", "NO-9902", "NO-9903"];

    [Fact]
    public async Task The_network_page_filtered_by_keyboard_leads_to_a_citys_profile_with_its_wheel()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new KestrelHub();
        await PublishDemoValuesAsync(hub);

        var page = browser.Page;
        await page.GotoAsync(hub.Root + "/cities");
        await browser.ScreenshotAsync("network");

        await TabToAsync(page, "#q");
        await page.Keyboard.TypeAsync("trond");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("q=trond"));
        Assert.Contains("1 of 4 cities match", await page.InnerTextAsync("p.count"), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("table.network tbody tr").CountAsync());
        await browser.ScreenshotAsync("network-filtered");

        await TabToAsync(page, "a[href='/cities/NO-5001']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/cities/NO-5001$"));
        Assert.Equal("Trondheim", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator("svg.wheel path").CountAsync() > 20);
        Assert.True(await page.Locator("svg.wheel path.pct-1, svg.wheel path.pct-2, svg.wheel path.pct-3, svg.wheel path.pct-4").CountAsync() > 0);
        Assert.True(await page.Locator("table.values span.rank").CountAsync() > 20);
        await browser.ScreenshotAsync("city-profile");

        browser.AssertNoProblems();
    }

    // Presses Tab until the element matching the selector has the focus, as a keyboard user would.
    private static async Task TabToAsync(Microsoft.Playwright.IPage page, string selector)
    {
        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.Locator(selector).EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"Tab never reached {selector}.");
    }

    // The demo network's value files, each signed by a test key for its city and posted through the real door.
    private static async Task PublishDemoValuesAsync(KestrelHub hub)
    {
        foreach (var demo in DemoCity.Embedded().Where(c => Cities.Contains(c.Id)))
        {
            using var city = new TestCity(demo.Id, demo.Name);
            await hub.RegisterAsync(city);
            await hub.WithServicesAsync(s => s.GetRequiredService<KeyRegistry>().AddOrUpdateCityAsync(demo.Id, demo.Name, demo.Population, demo.Synthetic));
            using var values = demo.OpenValues();
            var import = ValueFile.ReadCsv(values, demo.File, demo.Period, demo.Status, demo.Id);
            Assert.True(import.Success, demo.File);
            using var client = hub.CreateClient();
            using var published = await SnapshotDoor.PostAsync(client, city.Snapshot().ForPeriod(demo.Period).WithValues(import.Value).Sign());
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        }
    }
}
