using System.Net;
using Network.Hub.People;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Account;

/// <summary>Signing in over real HTTP: the cookie, the return path, wrong passwords, lockout, the rate limit, antiforgery.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task The_right_password_gives_a_strict_http_only_session_cookie_and_goes_back_to_the_local_page()
    {
        var email = await _hub.AddPersonAsync(Member, name: "Ingrid Analyst");
        using var client = _hub.CreatePageClient();

        using var signedIn = await SignInAsync(client, email, Password, "/sign-in?returnUrl=%2Fdesk");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/desk", PathOf(signedIn.Headers.Location));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(PeopleExtensions.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var desk = await client.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct);
        Assert.Contains("Signed in as Ingrid Analyst", desk, StringComparison.Ordinal);
        Assert.Contains("action=\"/sign-out\"", desk, StringComparison.Ordinal);
        Assert.Contains("href=\"/account\"", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/desk/enrollments\"", desk, StringComparison.Ordinal); // a member's desk has no coordinator's desks
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_return_address_off_the_hub_is_ignored(string returnUrl)
    {
        var email = await _hub.AddPersonAsync(Member);
        using var client = _hub.CreatePageClient();

        using var signedIn = await SignInAsync(client, email, Password, "/sign-in?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/cities", PathOf(signedIn.Headers.Location));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_words_and_signs_nobody_in()
    {
        var email = await _hub.AddPersonAsync(Member);
        using var client = _hub.CreatePageClient();

        using var refused = await SignInAsync(client, email, "not the password at all");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The e-mail address or the password is wrong.", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(PeopleExtensions.CookieName + "=", StringComparison.Ordinal)));
        using var desk = await client.GetAsync(new Uri("/desk", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_is_refused()
    {
        var email = await _hub.AddPersonAsync(Member);
        using var client = _hub.CreatePageClient();
        for (var i = 0; i < PeopleExtensions.LockoutFailures; i++)
        {
            using var wrong = await SignInAsync(client, email, $"wrong password number {i}");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var locked = await SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Contains("This account is locked after 5 failed sign-ins in a row: try again in 15 minutes", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_attempts_from_one_address_are_limited_whatever_the_account()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Network:RateLimits:SignIn:PermitLimit"] = "3" });
        var email = await hub.AddPersonAsync(Member);
        using var client = hub.CreatePageClient();
        for (var i = 0; i < 3; i++)
        {
            using var wrong = await SignInAsync(client, $"someone-{i}@example.org", "a wrong password here");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var limited = await SignInAsync(client, email, Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("Too many sign-in attempts from your address", await limited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var email = await _hub.AddPersonAsync(Member);
        using var client = _hub.CreatePageClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-in", ["Email"] = email, ["Password"] = Password });

        using var refused = await client.PostAsync(new Uri("/sign-in", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Set-Cookie") && refused.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(PeopleExtensions.CookieName + "=", StringComparison.Ordinal)));

        using var signedIn = await _hub.CreateSignedInClientAsync(Member);
        using var signOut = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/cities" });
        using var notSignedOut = await signedIn.PostAsync(new Uri("/sign-out", UriKind.Relative), signOut, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, notSignedOut.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await _hub.CreateSignedInClientAsync(Member);
        var desk = await client.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/cities", ["__RequestVerificationToken"] = AntiforgeryToken(desk) });

        using var signedOut = await client.PostAsync(new Uri("/sign-out", UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/cities", PathOf(signedOut.Headers.Location));
        using var after = await client.GetAsync(new Uri("/desk", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/sign-in", PathOf(after.Headers.Location), StringComparison.Ordinal);
    }
}
