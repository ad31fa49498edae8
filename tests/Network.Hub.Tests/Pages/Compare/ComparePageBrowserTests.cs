using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Network.Hub.Cities;
using Network.Hub.Tests.Pages.Browser;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Compare;

/// <summary>
/// The Compare form in a real browser on the demo network (Trondheim's real 2020 values, the cited cities and the
/// synthetic ones), driven by the keyboard alone: Tab to move, Space to choose, Enter to submit.
/// </summary>
public sealed class ComparePageBrowserTests
{
    private const int MostTabs = 400;

    [Fact]
    public async Task The_compare_form_works_with_the_keyboard_alone()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new DemoKestrelHub();
        await hub.DemoPublishedAsync();
        var page = browser.Page;
        await page.GotoAsync(hub.Root + "/compare");

        foreach (var city in new[] { "NO-5001", "NO-9901", "NO-9902", "NO-9903", "FI-091" })
        {
            await TabToAsync(page, $"#city-{city}");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await page.IsCheckedAsync($"#city-{city}"), city);
        }

        foreach (var category in new[] { "EC-ICT-ICT", "EC-I-WS" })
        {
            await TabToAsync(page, $"#category-{category}");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await page.IsCheckedAsync($"#category-{category}"), category);
        }

        await browser.ScreenshotAsync("compare-form");
        await TabToAsync(page, "button.cmp-submit");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/compare?**");
        await browser.ScreenshotAsync("compare-result");

        Assert.Contains("cities=NO-5001", page.Url, StringComparison.Ordinal);
        Assert.Contains("categories=EC-I-WS", page.Url, StringComparison.Ordinal);
        Assert.Equal("5 cities, period 2020", await page.InnerTextAsync("#result-heading"));
        Assert.True(await page.Locator(".cmp-table tbody tr").CountAsync() >= 8);
        // A chart for each KPI some chosen city reported (a row of nothing but "not reported" has none).
        var rows = await page.Locator(".cmp-table tbody tr").AllInnerTextsAsync();
        Assert.Equal(rows.Count(r => r.Split('\t').Skip(2).SkipLast(1).Any(cell => cell != "not reported")), await page.Locator("svg.cmp-svg[role=img]").CountAsync());
        Assert.True(await page.Locator("svg.cmp-svg .cmp-median").CountAsync() > 3);
        Assert.True(await page.Locator("svg.cmp-svg .cmp-band").CountAsync() > 3);
        Assert.True(await page.Locator(".cmp-table td.number").CountAsync() > 20);
        // The permalink is reached by keyboard too, and shows the same comparison again.
        await TabToAsync(page, "a.cmp-permalink");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**period=2020**");
        Assert.Equal("5 cities, period 2020", await page.InnerTextAsync("#result-heading"));
        browser.AssertNoProblems();
    }

    // Presses Tab until the element is focused: the way a keyboard user reaches it.
    private static async Task TabToAsync(IPage page, string selector)
    {
        var target = page.Locator(selector);
        for (var i = 0; i < MostTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
        }

        Assert.Fail($"{selector} was not reached with {MostTabs} presses of Tab.");
    }

    /// <summary>The hub with its demo network, on Kestrel at a free port so that a browser can reach it.</summary>
    private sealed class DemoKestrelHub : HubFactory
    {
        private static readonly string Keys = Path.Combine(Path.GetTempPath(), $"network-compare-demo-keys-{Guid.NewGuid():N}");

        public DemoKestrelHub()
            : base(new Dictionary<string, string?> { ["Network:Demo:Enabled"] = "true", ["Network:Demo:KeyDirectory"] = Keys })
        {
            UseKestrel(0);
            StartServer();
        }

        public string Root => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        public async Task DemoPublishedAsync()
        {
            using var client = CreateClient();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken))!.Count(c => c.Snapshots > 0) < 8)
            {
                Assert.True(DateTime.UtcNow < deadline, "The demo network did not publish its eight cities within a minute.");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(Keys))
            {
                Directory.Delete(Keys, recursive: true);
            }
        }
    }
}
