using Network.Hub.Tests.Pages.Browser;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Desk.CoordinatorDesk;

/// <summary>
/// In a real browser: a coordinator signs in and walks the desk's pages from <c>/desk</c>, using the keyboard-reachable
/// links and forms; each page renders with nothing failing on the way (console, CSP, requests).
/// </summary>
public sealed class CoordinatorDeskBrowserTests
{
    [Fact]
    public async Task A_coordinator_walks_the_desk_pages()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new KestrelHub();
        using var network = new DeskNetwork();
        await network.PublishAsync(hub);
        using var verifier = await hub.RegisterVerifierAsync(TestVerifier.Nordic(), "NO-5001");
        var page = browser.Page;
        await page.GotoAsync(hub.Root + "/desk");
        await browser.SignInAsync(hub, SignedInPeople.Coordinator, name: "Cora Coordinator");

        await page.ClickAsync("a[href='/desk/cities']");
        await page.WaitForURLAsync("**/desk/cities");
        Assert.Contains(network.Trondheim.Keys.KeyId, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-cities");

        await page.GotoAsync(hub.Root + "/desk");
        await page.ClickAsync("a[href='/desk/verifiers']");
        await page.WaitForURLAsync("**/desk/verifiers");
        await page.SelectOptionAsync("#assign-nordic-verifier", "NO-4601");
        await page.ClickAsync("form.assign button");
        await page.WaitForSelectorAsync(".notice.done");
        Assert.Contains("Assigned nordic-verifier to NO-4601", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-verifiers");

        await page.GotoAsync(hub.Root + "/desk");
        await page.ClickAsync("a[href='/desk/target-sets']");
        await page.WaitForURLAsync("**/desk/target-sets");
        await page.FillAsync("#set-name", "desk-goals");
        await page.FillAsync("#set-version", "1");
        await page.FillAsync("#set-csv", "kpi,dataPoint,target,source,note\nEC-P-EM-1C,,2,Employment strategy 2030,\n");
        await page.ClickAsync("button:text('Load the set')");
        await page.WaitForSelectorAsync(".notice.done");
        await page.ClickAsync("details.target-set >> nth=1 >> summary");
        await browser.ScreenshotAsync("desk-target-sets");

        foreach (var (path, name) in new[] { ("/desk/heat-map", "desk-heat-map"), ("/desk/pairing", "desk-pairing"), ("/desk/thin-kpis", "desk-thin-kpis") })
        {
            await page.GotoAsync(hub.Root + "/desk");
            await page.ClickAsync($"a[href='{path}']");
            await page.WaitForURLAsync("**" + path);
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            await browser.ScreenshotAsync(name);
        }

        Assert.Contains("SC-EH-H-3C", await page.InnerTextAsync("table.thin-kpis"), StringComparison.Ordinal);
        browser.AssertNoProblems();
    }
}
