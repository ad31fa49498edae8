using System.Net;
using System.Text;
using Network.Hub.Tests.Pages.Browser;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>
/// In a real browser: a coordinator signs in, approves a node's enrollment on the desk, and the node then publishes
/// with the credentials the desk showed; nothing on the way fails (console, CSP, requests).
/// </summary>
public sealed class CoordinatorBrowserTests
{
    [Fact]
    public async Task A_coordinator_signs_in_and_approves_an_enrollment_after_which_the_node_publishes()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new KestrelHub();
        using var trondheim = TestCity.Trondheim();
        var id = await EnrollmentsDeskTests.EnrollAsync(hub, trondheim);
        var page = browser.Page;

        await page.GotoAsync(hub.Root + "/desk/enrollments");
        await page.WaitForURLAsync("**/sign-in?returnUrl=%2Fdesk%2Fenrollments");
        await browser.ScreenshotAsync("sign-in");
        await browser.SignInAsync(hub, SignedInPeople.Coordinator, name: "Cora Coordinator");
        Assert.Equal("Cora Coordinator", await page.InnerTextAsync(".person-name"));
        await browser.ScreenshotAsync("desk");

        await page.ClickAsync("a[href='/desk/enrollments']");
        await page.WaitForURLAsync("**/desk/enrollments");
        await browser.ScreenshotAsync("desk-enrollments");
        await page.ClickAsync($"form[action='/desk/enrollments/{id}'] button:text('Approve')");
        await page.WaitForURLAsync($"**/desk/enrollments/{id}");
        Assert.Contains("Approved: Trondheim (NO-5001)", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-enrollment-approved");
        var secret = await page.InnerTextAsync("dl.facts >> nth=0 >> dd >> nth=1");

        using (var node = hub.CreateClient())
        {
            node.WithToken(await TestTokens.RequestAsync(node, "node-NO-5001", secret.Trim(), ct: TestContext.Current.CancellationToken));
            using var content = new StringContent(trondheim.Snapshot().Sign(), Encoding.ASCII, "application/jose");
            using var published = await node.PostAsync(new Uri("/api/snapshots", UriKind.Relative), content, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        }

        await page.GotoAsync(hub.Root + "/desk/people");
        await page.FillAsync("#invite-name", "Anna Analyst");
        await page.FillAsync("#invite-email", "anna@trondheim.kommune.no");
        await page.SelectOptionAsync("#invite-role", "analyst");
        await page.FillAsync("#invite-city", "NO-5001");
        await page.ClickAsync("form button:text('Invite')");
        Assert.Contains("/invitations/", await page.InnerTextAsync(".notice"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-people");

        await page.GotoAsync(hub.Root + "/account");
        Assert.Contains("otpauth://totp/", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("account");

        await page.ClickAsync("header button:text('Sign out')");
        await page.WaitForURLAsync("**/cities");
        Assert.Equal(1, await page.Locator("header a[href^='/sign-in']").CountAsync());
        browser.AssertNoProblems();
    }
}
