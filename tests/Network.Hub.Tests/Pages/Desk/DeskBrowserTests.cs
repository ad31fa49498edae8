using System.Net;
using System.Net.Http.Json;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Hub.Tests.Pages.Browser;
using Network.Testing;
using Network.Testing.Hub;
using Network.ValueFiles;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>
/// In a real browser, by keyboard and mouse as a person would: a verifier judges a snapshot on the verdict form and
/// downloads the filled sheet to sign with the node program; a city's analyst answers the verifier's question. Nothing
/// on the way fails (console, CSP, requests).
/// </summary>
public sealed class DeskBrowserTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_verifier_fills_the_verdict_form_and_downloads_the_sheet_to_sign()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new KestrelHub();
        using var trondheim = TestCity.Trondheim();
        using var keys = CityKeyPair.Generate();
        var snapshot = await PublishAsync(hub, trondheim);
        await hub.AddAssignedVerifierAsync("demo-verifier", keys, trondheim.CityId);
        var page = browser.Page;

        await browser.SignInAsync(hub, SignedInPeople.VerifierOf("demo-verifier"), name: "Vera Verifier");
        await page.ClickAsync("a[href='/desk/verification']");
        await page.WaitForURLAsync("**/desk/verification");
        Assert.Contains("waiting", await page.InnerTextAsync("table.queue"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-verification");

        await page.ClickAsync("a:text('Questions')");
        await page.WaitForURLAsync($"**/desk/verification/snapshots/{snapshot.SnapshotId}/questions");
        await page.SelectOptionAsync("#ask-value", "EC-ICT-ICT-4C|4G");
        await page.FillAsync("#ask-text", "Which month's coverage map is this?");
        await page.ClickAsync("button:text('Ask Trondheim')");
        await page.WaitForSelectorAsync(".notice.done");
        Assert.Contains("Which month's coverage map is this?", await page.InnerTextAsync("article.thread"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-verification-questions");

        await page.ClickAsync("a:text('Verdict form of this snapshot')");
        await page.WaitForURLAsync($"**/desk/verification/snapshots/{snapshot.SnapshotId}");
        await page.SelectOptionAsync("#verdict-0", "verified");
        await page.SelectOptionAsync("#verdict-1", "verified");
        await page.SelectOptionAsync("#verdict-2", "not-verified");
        await page.FillAsync("#reason-2", "The report gives 27.9 %, not 28.42 %.");
        await page.SelectOptionAsync("#verdict-4", "question");
        await page.FillAsync("#question-4", "Is the 4G coverage by population or by area?");
        await browser.ScreenshotAsync("desk-verdict-form");
        browser.AssertNoProblems();

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("button:text('Make the filled verdict sheet (CSV)')"));
        Assert.StartsWith("verdicts-NO-5001-2020-", download.SuggestedFilename, StringComparison.Ordinal);
        using var sheet = new MemoryStream(await File.ReadAllBytesAsync(await download.PathAsync(), Ct));
        var read = VerdictSheet.ReadCsv(sheet, download.SuggestedFilename, snapshot);
        Assert.True(read.Success, string.Join('\n', read.Failures));
        Assert.Equal(4, read.Value.Verdicts.Count);
        Assert.Equal("Is the 4G coverage by population or by area?", Assert.Single(read.Value.Questions).Text);

        // The command line the page gives names the file it handed out.
        Assert.Contains($"verifier attest {download.SuggestedFilename}", await page.InnerTextAsync("pre.command"), StringComparison.Ordinal);

        // A navigation that turns into a download is aborted as a navigation (net::ERR_ABORTED): the browser's way of
        // saving a file, not a failure. It is the one thing the browser may have noted since the form was filled.
        var submitted = $"POST {hub.Root}/desk/verification/snapshots/{snapshot.SnapshotId} (net::ERR_ABORTED)";
        Assert.All(browser.Problems, problem => Assert.Equal("request failed: " + submitted, problem));
        Assert.True(browser.Problems.Count <= 1, string.Join('\n', browser.Problems));
    }

    [Fact]
    public async Task A_citys_analyst_reads_the_desk_and_answers_the_verifiers_question()
    {
        await using var browser = await BrowserPage.StartAsync();
        await using var hub = new KestrelHub();
        using var trondheim = TestCity.Trondheim();
        using var keys = CityKeyPair.Generate();
        var snapshot = await PublishAsync(hub, trondheim);
        await hub.AddAssignedVerifierAsync("demo-verifier", keys, trondheim.CityId);
        using (var verifier = await hub.CreateVerifierClientAsync("demo-verifier"))
        {
            using var asked = await verifier.PostAsJsonAsync("/api/verification/questions",
                new { snapshotId = snapshot.SnapshotId, kpi = "EC-ICT-ICT-4C", dataPoint = "4G", text = "Is the 4G coverage by population or by area?" }, Ct);
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        var page = browser.Page;
        await browser.SignInAsync(hub, SignedInPeople.AnalystOf("NO-5001"), name: "Ana Analyst");
        await page.ClickAsync("a[href='/desk/city']");
        await page.WaitForURLAsync("**/desk/city");
        Assert.Contains("a note for the network only", await page.InnerTextAsync("table.values"), StringComparison.Ordinal);
        Assert.Contains("preliminary", await page.InnerTextAsync("table.values"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-city");

        await page.FillAsync("textarea[name='Text']", "By population, from the operators' coverage maps.");
        await page.ClickAsync("button:text('Send the answer')");
        await page.WaitForSelectorAsync(".notice.done");
        Assert.Contains("Your answer on EC-ICT-ICT-4C (4G), 2020, is in demo-verifier", await page.InnerTextAsync(".notice.done"), StringComparison.Ordinal);
        Assert.Contains("answered by the city", await page.InnerTextAsync("article.thread"), StringComparison.Ordinal);
        await browser.ScreenshotAsync("desk-city-answered");
        browser.AssertNoProblems();
    }

    // Trondheim's preliminary 2020 snapshot, with a value in parts and a note for members.
    private static async Task<JudgedSnapshot> PublishAsync(HubFactory hub, TestCity city)
    {
        await hub.RegisterAsync(city);
        var builder = city.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary)
            .AddValue(new KpiValue("EC-ICT-ICT-4C", "4G", 99.8, "%", DataQuality.Measured, "Telenor", "coverage map", "a note for the network only"));
        var jws = builder.Sign();
        Assert.NotNull((await hub.IngestAsync(jws)).Accepted);
        return JudgedSnapshot.Of(builder.Build(), SnapshotFormat.Digest(jws));
    }
}
