using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>A coordinator invites a person on /desk/people; the link works once, for a week, and makes the account with the role.</summary>
public sealed partial class PeopleDeskTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private HttpClient _coordinator = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _coordinator = await _hub.CreateSignedInClientAsync(Coordinator, name: "Cora Coordinator");

    public async ValueTask DisposeAsync()
    {
        _coordinator.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task An_invitation_link_is_shown_once_makes_the_account_with_its_role_and_works_only_once()
    {
        var token = await InviteAsync("Anna Analyst", "anna@trondheim.kommune.no", "analyst", city: "NO-5001");
        Assert.DoesNotContain(token, string.Join(",", await _hub.QueryAsync(db => db.Invitations.Select(i => i.TokenHash).ToListAsync(Ct))), StringComparison.Ordinal);
        var people = await _coordinator.GetStringAsync(new Uri("/desk/people", UriKind.Relative), Ct);
        Assert.DoesNotContain(token, people, StringComparison.Ordinal); // shown once: only in the answer to the invitation

        using var anna = _hub.CreatePageClient();
        var invitation = await anna.GetStringAsync(new Uri("/invitations/" + token, UriKind.Relative), Ct);
        Assert.Contains("Anna Analyst, a coordinator invited you to the Sustainability Network as analyst of NO-5001", invitation, StringComparison.Ordinal);
        Assert.Contains("at least 12 characters", invitation, StringComparison.Ordinal);

        using var tooShort = await AcceptAsync(anna, token, "short pass");
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("Passwords must be at least 12 characters.", await tooShort.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var accepted = await AcceptAsync(anna, token, "a long enough pass phrase");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/desk", PathOf(accepted.Headers.Location));
        Assert.Contains("Signed in as Anna Analyst", await anna.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct), StringComparison.Ordinal);
        var account = await anna.GetStringAsync(new Uri("/account", UriKind.Relative), Ct);
        Assert.Contains("<dd>analyst of NO-5001</dd>", account, StringComparison.Ordinal);
        Assert.Contains("<dd>network:read</dd>", account, StringComparison.Ordinal);

        using var other = _hub.CreatePageClient();
        using var again = await other.GetAsync(new Uri("/invitations/" + token, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("This invitation was accepted already", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var signedIn = await SignInAsync(other, "anna@trondheim.kommune.no", "a long enough pass phrase");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        Assert.Contains("<td>analyst of NO-5001</td>", await _coordinator.GetStringAsync(new Uri("/desk/people", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_invitation_says_so_and_makes_no_account()
    {
        var token = await InviteAsync("Late Larsen", "late@example.org", "member");
        await _hub.QueryAsync(db => db.Invitations.ExecuteUpdateAsync(set => set.SetProperty(i => i.ExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)), Ct));

        using var late = _hub.CreatePageClient();
        using var expired = await late.GetAsync(new Uri("/invitations/" + token, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("This invitation expired on", await expired.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var unknown = await late.GetAsync(new Uri("/invitations/no-such-token", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Gone, unknown.StatusCode);
    }

    [Fact]
    public async Task A_role_without_what_it_needs_or_a_known_address_is_refused_in_words()
    {
        using var noCity = await PostInviteAsync("Nils", "nils@example.org", "analyst", city: "");
        Assert.Equal(HttpStatusCode.BadRequest, noCity.StatusCode);
        Assert.Contains("An analyst works for a city", await noCity.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var existing = await _hub.AddPersonAsync(Member);
        using var known = await PostInviteAsync("Again", existing, "member");
        Assert.Equal(HttpStatusCode.BadRequest, known.StatusCode);
        Assert.Contains("has an account already", await known.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_removes_a_person_who_then_cannot_sign_in()
    {
        var email = await _hub.AddPersonAsync(Member, name: "Remo Removed");
        var people = await _coordinator.GetStringAsync(new Uri("/desk/people", UriKind.Relative), Ct);
        var id = Regex.Match(people, "<option value=\"([^\"]+)\">Remo Removed").Groups[1].Value;

        using var removed = await PostFormAsync(_coordinator, "/desk/people", "remove", new Dictionary<string, string> { ["PersonId"] = id });

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("Remo Removed (" + email + ") is removed.", await removed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var client = _hub.CreatePageClient();
        using var refused = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    private async Task<string> InviteAsync(string name, string email, string role, string? city = null)
    {
        using var invited = await PostInviteAsync(name, email, role, city);
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        var link = InvitationLink().Match(await invited.Content.ReadAsStringAsync(Ct));
        Assert.True(link.Success, "The answer shows the invitation link.");
        return link.Groups[1].Value;
    }

    private Task<HttpResponseMessage> PostInviteAsync(string name, string email, string role, string? city = null) =>
        PostFormAsync(_coordinator, "/desk/people", "invite", new Dictionary<string, string>
        {
            ["Name"] = name, ["Email"] = email, ["Role"] = role, ["CityId"] = city ?? "", ["VerifierId"] = "",
        });

    private static Task<HttpResponseMessage> AcceptAsync(HttpClient client, string token, string password) =>
        PostFormAsync(client, "/invitations/" + token, "accept", new Dictionary<string, string> { ["Password"] = password, ["Confirm"] = password });

    [GeneratedRegex("http://localhost/invitations/([A-Za-z0-9_-]{20,})")]
    private static partial Regex InvitationLink();
}
