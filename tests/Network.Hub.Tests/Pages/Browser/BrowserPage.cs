using Microsoft.Playwright;

namespace Network.Hub.Tests.Pages.Browser;

/// <summary>
/// A page in a real browser (Debian's chromium, driven by Playwright) that records what would tell a person something
/// is broken: console errors (a CSP violation is one), script errors, failed requests and answers of 400 or more.
/// <see cref="StartAsync"/> skips the test, saying why, where the browser is not installed, and fails it instead
/// where <c>NETWORK_REQUIRE_BROWSER=1</c> (CI) says the browser must be there.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    /// <summary>Where Debian's <c>chromium</c> package puts the browser.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private const string RequireBrowserVariable = "NETWORK_REQUIRE_BROWSER";

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<string> _problems = [];

    private BrowserPage(IPlaywright playwright, IBrowser browser, IBrowserContext context, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsFavicon(message.Location))
            {
                _problems.Add($"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => _problems.Add("script error: " + error);
        page.RequestFailed += (_, request) => _problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsFavicon(response.Url))
            {
                _problems.Add($"answer {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>The browser context (its cookies are the signed-in session).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>What went wrong so far, one line each; empty when nothing did.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Opens a browser and a page; skips (or, where the browser is required, fails) the test without a browser.</summary>
    /// <param name="bypassCsp">
    /// Whether the page ignores the hub's Content-Security-Policy. Only for a test that must inject a script of its own
    /// (axe, in the accessibility tests); every other browser test keeps the policy on, so that it checks it.
    /// </param>
    public static async Task<BrowserPage> StartAsync(bool bypassCsp = false)
    {
        if (!File.Exists(Chromium))
        {
            var why = $"No browser at {Chromium} (apt-get install chromium) to run the pages' browser tests in.";
            Assert.False(Environment.GetEnvironmentVariable(RequireBrowserVariable) == "1", why + $" {RequireBrowserVariable}=1 requires it.");
            Assert.Skip(why);
        }

        var playwright = await Playwright.CreateAsync();
        // --no-sandbox: the tests run as root in a container, where chromium's sandbox cannot start.
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, BypassCSP = bypassCsp });
        return new BrowserPage(playwright, browser, context, await context.NewPageAsync());
    }

    /// <summary>Asserts that nothing went wrong so far, listing what did.</summary>
    public void AssertNoProblems() => Assert.True(_problems.Count == 0, string.Join(Environment.NewLine, _problems));

    /// <summary>Saves a screenshot of the whole page as <paramref name="name"/>.png in <see cref="Screenshots.Directory"/>.</summary>
    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots.Directory, name + ".png"), FullPage = true });

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    // The browser asks for /favicon.ico on its own (no page names it) and the hub serves none: not the pages' error.
    private static bool IsFavicon(string url) => url.Contains("/favicon.ico", StringComparison.Ordinal);
}
