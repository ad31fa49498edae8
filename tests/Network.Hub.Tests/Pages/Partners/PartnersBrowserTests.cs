using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Network.Hub.Cities;
using Network.Hub.Tests.Pages.Browser;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Partners;

/// <summary>
/// The Partners page in a real browser (<see cref="BrowserPage"/>) on the demo network (the cities of nodes/cities,
/// embedded in the hub and stored through the real pipeline): reached and filled in by keyboard only, with nothing
/// that went wrong on the way (no console error, CSP violation or failed request).
/// </summary>
public sealed class PartnersBrowserTests
{
    [Fact]
    public async Task A_keyboard_user_finds_trondheims_partners_on_the_demo_network_without_a_console_error()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = await DemoKestrelHub.StartAsync();
        var page = browser.Page;

        await page.GotoAsync(hub.Root + "/cities");
        // From the navigation to the Partners page, then through the form, by keyboard alone.
        await TabUntilAsync(page, "a[href='/partners']");
        // Enter on the focused link (the locator presses on that element, so a key cannot land elsewhere while the page
        // settles); a busy CI machine took over 30 s once, hence the longer wait.
        await page.Locator("a[href='/partners']").PressAsync("Enter");
        await page.WaitForURLAsync("**/partners", new() { Timeout = 60_000 });
        await TabUntilAsync(page, "#city");
        await page.Keyboard.TypeAsync("Trondheim");
        await TabUntilAsync(page, "button[type='submit']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/partners?city=NO-5001**");

        Assert.Equal("Partners of Trondheim", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator("article.partner").CountAsync() > 0, "no complementary partner shown");
        Assert.True(await page.Locator("article.partner svg.contribution-bar rect").CountAsync() > 0, "no contribution drawn");
        Assert.True(await page.Locator("table.similar tbody tr").CountAsync() > 0, "no similar city shown");
        Assert.Equal("Trondheim (NO-5001)", await page.Locator("#city option:checked").InnerTextAsync());
        await browser.ScreenshotAsync("partners");

        // The first partner's name links to its profile, reachable by keyboard too.
        var partner = await page.Locator("article.partner h3 a").First.GetAttributeAsync("href");
        await TabUntilAsync(page, $"article.partner h3 a[href='{partner}']");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**" + partner);
        browser.AssertNoProblems();

        // Bad input is the form again, the field named (a 400 on purpose, so after the check for failed answers).
        await page.GotoAsync(hub.Root + "/partners?city=NO-5001&economy=11&partners=50");
        Assert.Contains("Weight of Economy must be a number from 0 to 10", await page.InnerTextAsync("#economy-problem"), StringComparison.Ordinal);
        Assert.Contains("Partners to show must be between 1 and 20", await page.InnerTextAsync("#partners-problem"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("partners-bad-input");
    }

    // Presses Tab until the element matching the selector has the focus; fails after a bounded number of presses.
    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await page.Locator(selector).First.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} never got the focus by Tab.");
    }

    // The hub on Kestrel with its demo network (eight cities), started and waited for.
    private sealed class DemoKestrelHub : HubFactory
    {
        private readonly string _keys;

        private DemoKestrelHub(string keys)
            : base(new Dictionary<string, string?> { ["Network:Demo:Enabled"] = "true", ["Network:Demo:KeyDirectory"] = keys })
        {
            _keys = keys;
            UseKestrel(0);
            StartServer();
        }

        public string Root => Services.GetRequiredService<IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        public static async Task<DemoKestrelHub> StartAsync()
        {
            var hub = new DemoKestrelHub(Path.Combine(Path.GetTempPath(), $"network-demo-keys-{Guid.NewGuid():N}"));
            using var client = hub.CreateClient();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken))!.Count(c => c.Snapshots > 0) < 8)
            {
                Assert.True(DateTime.UtcNow < deadline, "The demo network did not publish its eight cities within a minute.");
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }

            return hub;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_keys))
            {
                Directory.Delete(_keys, recursive: true);
            }
        }
    }
}
