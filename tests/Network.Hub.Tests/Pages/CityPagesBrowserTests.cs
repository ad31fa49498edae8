using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages;

/// <summary>
/// A smoke test in a real browser (Debian's chromium, driven by Playwright): the Network page, the link to a city, its
/// wheel, and no console error (a CSP violation is one). Skipped, saying why, where the browser is not installed.
/// </summary>
public sealed class CityPagesBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string RequireBrowserVariable = "NETWORK_REQUIRE_BROWSER";

    [Fact]
    public async Task The_network_page_leads_to_a_citys_wheel_without_a_console_error()
    {
        if (!File.Exists(Chromium))
        {
            // CI installs the browser and sets NETWORK_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
            var why = $"No browser at {Chromium} (apt-get install chromium) to run the pages' smoke test in.";
            Assert.False(Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1", why + $" {RequireBrowserVariable}=1 requires it.");
            Assert.Skip(why);
        }

        var cancellation = TestContext.Current.CancellationToken;
        await using var hub = new KestrelHub();
        using var trondheim = TestCity.Trondheim();
        await hub.RegisterAsync(trondheim);
        using (var client = hub.CreateClient())
        using (var published = await SnapshotDoor.PostAsync(client, trondheim.Snapshot().ForPeriod(2020).Sign()))
        {
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        }

        var root = hub.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico on its own (no page names it) and the hub serves none: not the pages' error.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync(root + "/cities");
        await page.ClickAsync("a[href='/cities/NO-5001']");
        await page.WaitForURLAsync("**/cities/NO-5001");

        Assert.Equal("Trondheim", await page.InnerTextAsync("h1"));
        Assert.True(await page.Locator("svg.wheel path").CountAsync() > 3);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>The hub on Kestrel at a free port, so that a browser can reach it.</summary>
    private sealed class KestrelHub : HubFactory
    {
        public KestrelHub()
        {
            UseKestrel(0);
            StartServer();
        }
    }
}
