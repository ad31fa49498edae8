using System.Net;
using Network.Contracts.Snapshots;
using Network.Hub.Identity;
using Network.Hub.Tests.GraphQL;
using Network.Hub.Tests.Ingestion;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Account;

/// <summary>
/// What the sign-in cookie opens and what it does not: the pages for a person's role (and the embargo reads a signed-in
/// member as a member's token), never an API; and what a bearer token opens on the pages: nothing signed-in.
/// </summary>
public sealed class PageAccessTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _hub.RegisterAsync(_trondheim);
        using var client = _hub.CreateClient();
        using var final = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2020).Sign());
        Assert.Equal(HttpStatusCode.Accepted, final.StatusCode);
        using var preliminary = await SnapshotDoor.PostAsync(client, _trondheim.Snapshot().ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary).WithValues(
            new KpiValue("EC-ICT-ICT-1C", null, 77.125, "%", DataQuality.Measured, "Trondheim kommune", "draft", "preliminary-note")).Sign());
        Assert.Equal(HttpStatusCode.Accepted, preliminary.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        _trondheim.Dispose();
    }

    [Fact]
    public async Task A_signed_in_member_sees_the_preliminary_values_an_anonymous_visitor_does_not()
    {
        using var anonymous = _hub.CreatePageClient();
        using var member = await _hub.CreateSignedInClientAsync(Member);

        var publicPage = await anonymous.GetStringAsync(new Uri("/cities/NO-5001", UriKind.Relative), Ct);
        var memberPage = await member.GetStringAsync(new Uri("/cities/NO-5001", UriKind.Relative), Ct);

        Assert.DoesNotContain("77.125", publicPage, StringComparison.Ordinal);
        Assert.Contains("77.125", memberPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_verifier_reads_the_public_record_as_a_verifiers_token_does()
    {
        using var verifier = await _hub.CreateSignedInClientAsync(VerifierOf("demo-verifier"));

        var page = await verifier.GetStringAsync(new Uri("/cities/NO-5001", UriKind.Relative), Ct);

        Assert.DoesNotContain("77.125", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_opens_no_api_and_no_graphql_field_for_coordinators()
    {
        using var coordinator = await _hub.CreateSignedInClientAsync(Coordinator);

        using var enrollments = await coordinator.GetAsync(new Uri("/api/enrollments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, enrollments.StatusCode);
        using var snapshots = await coordinator.GetAsync(new Uri("/api/cities/NO-5001/snapshots", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, snapshots.StatusCode);
        Assert.DoesNotContain("2021", await snapshots.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var pairing = await GraphQLAnswer.PostAsync(coordinator, "{ network(period: 2020) { pairing { totalMutual } } }");
        Assert.Equal("FORBIDDEN", Assert.Single(pairing.Errors).At("extensions.code").GetString());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_with_the_page_to_come_back_to()
    {
        using var anonymous = _hub.CreatePageClient();

        using var desk = await anonymous.GetAsync(new Uri("/desk/enrollments", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.Equal("/sign-in?returnUrl=%2Fdesk%2Fenrollments", PathOf(desk.Headers.Location));
    }

    [Fact]
    public async Task A_program_with_a_coordinators_token_gets_the_sign_in_redirect_on_a_desk_not_the_desk()
    {
        using var token = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("desk-probe"), $"{Scopes.Coordinate} {Scopes.Read}");

        using var desk = await token.GetAsync(new Uri("/desk/enrollments", UriKind.Relative), Ct);

        // The factory's default client follows the redirect: it ends on the sign-in page.
        Assert.Equal("/sign-in", desk.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.DoesNotContain("Waiting for a decision", await desk.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_without_the_role_gets_a_403_page_in_words()
    {
        using var member = await _hub.CreateSignedInClientAsync(Member, name: "Mona Member");

        using var desk = await member.GetAsync(new Uri("/desk/enrollments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        Assert.StartsWith("/access-denied", PathOf(desk.Headers.Location), StringComparison.Ordinal);
        using var denied = await member.GetAsync(new Uri(PathOf(desk.Headers.Location), UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var html = await denied.Content.ReadAsStringAsync(Ct);
        Assert.Contains("This page is not for your role", html, StringComparison.Ordinal);
        Assert.Contains("You are signed in as Mona Member", html, StringComparison.Ordinal);
        Assert.Contains("/desk/enrollments", html, StringComparison.Ordinal);
    }
}
