using System.Net;
using Microsoft.EntityFrameworkCore;
using Network.Testing.Hub;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>
/// The city analyst's desk over HTTP: the analyst's own city only (its preliminary values and notes, the standing of
/// each snapshot it sent, the refused ones with reasons, its verifiers' questions), and answering a question as the
/// city's person through the same service as the node's answers.
/// </summary>
public sealed class CityDeskTests(CityDeskNetwork network) : IClassFixture<CityDeskNetwork>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_analyst_sees_the_citys_preliminary_values_notes_snapshots_refusals_and_questions()
    {
        using var analyst = await network.Hub.CreateSignedInClientAsync(AnalystOf("NO-5001"));

        using var desk = await analyst.GetAsync(new Uri("/desk/city", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        var html = await desk.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<h1>Trondheim: your city&#x27;s desk</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Values of 2021", html, StringComparison.Ordinal);
        Assert.Contains("2.31", html, StringComparison.Ordinal);
        Assert.Contains(CityDeskNetwork.TrondheimNote, html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"tag\">preliminary</span>", html, StringComparison.Ordinal);
        Assert.Contains("accepted, superseded", html, StringComparison.Ordinal);
        Assert.Contains(network.Superseded.ToString(), html, StringComparison.Ordinal);
        Assert.Contains("accepted, current", html, StringComparison.Ordinal);
        Assert.NotEmpty(network.RefusalReasons);
        Assert.All(network.RefusalReasons, reason => Assert.Contains($"<span class=\"state refused\">{reason}</span>", html, StringComparison.Ordinal));
        Assert.Contains(CityDeskNetwork.AirQuestion, html, StringComparison.Ordinal);
        Assert.Contains(CityDeskNetwork.EmploymentQuestion, html, StringComparison.Ordinal);
        Assert.Contains("waiting for the city&#x27;s answer", html, StringComparison.Ordinal);

        // Nothing of another city.
        Assert.DoesNotContain(CityDeskNetwork.BergenNote, html, StringComparison.Ordinal);
        Assert.DoesNotContain(CityDeskNetwork.BergenQuestion, html, StringComparison.Ordinal);
        Assert.DoesNotContain("3.05", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_citys_analyst_sees_only_its_own_city_and_cannot_answer_for_trondheim()
    {
        using var bergen = await network.Hub.CreateSignedInClientAsync(AnalystOf("NO-4601"));

        var html = await bergen.GetStringAsync(new Uri("/desk/city", UriKind.Relative), Ct);
        Assert.Contains("Bergen: your city", html, StringComparison.Ordinal);
        Assert.Contains(CityDeskNetwork.BergenNote, html, StringComparison.Ordinal);
        Assert.Contains(CityDeskNetwork.BergenQuestion, html, StringComparison.Ordinal);
        Assert.DoesNotContain(CityDeskNetwork.TrondheimNote, html, StringComparison.Ordinal);
        Assert.DoesNotContain(CityDeskNetwork.AirQuestion, html, StringComparison.Ordinal);
        Assert.DoesNotContain(network.Superseded.ToString(), html, StringComparison.Ordinal);

        // Trondheim's thread has no form on Bergen's desk: the post finds nothing to answer, and nothing is stored.
        var before = await network.Hub.QueryAsync(db => db.ThreadMessages.CountAsync(m => m.CityId == "NO-5001", Ct));
        using var posted = await PostFormAsync(bergen, "/desk/city", "answer-2021-EC-P-EM-1C--demo-verifier", new Dictionary<string, string> { ["Text"] = "Bergen answers for Trondheim." });
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(before, await network.Hub.QueryAsync(db => db.ThreadMessages.CountAsync(m => m.CityId == "NO-5001", Ct)));
    }

    [Fact]
    public async Task The_analyst_answers_a_question_as_the_citys_person_and_the_verifier_reads_it()
    {
        using var analyst = await network.Hub.CreateSignedInClientAsync(AnalystOf("NO-5001"), email: "ana@trondheim.example");

        using var answered = await PostFormAsync(analyst, "/desk/city", "answer-2021-EC-P-EM-1C--demo-verifier",
            new Dictionary<string, string> { ["Text"] = "From the register, as every year." });

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Contains("Your answer on EC-P-EM-1C, 2021, is in demo-verifier&#x27;s thread.", await answered.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var stored = await network.Hub.QueryAsync(db => db.ThreadMessages.SingleAsync(m => m.Text == "From the register, as every year.", Ct));
        Assert.Equal(("NO-5001", "demo-verifier", Network.Hub.Storage.ThreadAuthor.City, "person:ana@trondheim.example"), (stored.CityId, stored.VerifierId, stored.Author, stored.AuthorClientId));

        using var verifier = await network.Hub.CreateVerifierClientAsync("demo-verifier");
        var threads = await verifier.GetStringAsync(new Uri("/api/cities/NO-5001/questions?period=2021", UriKind.Relative), Ct);
        Assert.Contains("From the register, as every year.", threads, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_answer_is_refused_in_words_with_400_and_nothing_is_stored()
    {
        using var analyst = await network.Hub.CreateSignedInClientAsync(AnalystOf("NO-5001"));
        var before = await network.Hub.QueryAsync(db => db.ThreadMessages.CountAsync(Ct));

        using var refused = await PostFormAsync(analyst, "/desk/city", "answer-2021-EN-EN-AQ-2C--demo-verifier", new Dictionary<string, string> { ["Text"] = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("was not posted: Write the text (1 to 4,000 characters).", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, await network.Hub.QueryAsync(db => db.ThreadMessages.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_period_the_city_has_not_sent_is_a_404_in_words_and_the_latest_is_shown()
    {
        using var analyst = await network.Hub.CreateSignedInClientAsync(AnalystOf("NO-5001"));

        using var missing = await analyst.GetAsync(new Uri("/desk/city?period=1999", UriKind.Relative), Ct);
        using var bad = await analyst.GetAsync(new Uri("/desk/city?period=soon", UriKind.Relative), Ct);
        var earlier = await analyst.GetStringAsync(new Uri("/desk/city?period=2020", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Trondheim has no snapshot for 1999; the latest, 2021, is shown.", await missing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("The period is a year", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Values of 2020", earlier, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("verifier")]
    [InlineData("coordinator")]
    public async Task Another_role_gets_the_403_page(string kind)
    {
        var role = kind switch { "member" => Member, "verifier" => VerifierOf("demo-verifier"), _ => Coordinator };
        using var person = await network.Hub.CreateSignedInClientAsync(role);

        using var page = await person.GetAsync(new Uri("/desk/city", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/access-denied", PathOf(page.Headers.Location), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/desk/city\"", await person.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_analysts_desk_lists_the_city_desk()
    {
        using var analyst = await network.Hub.CreateSignedInClientAsync(AnalystOf("NO-5001"));

        var desk = await analyst.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct);

        Assert.Contains("href=\"/desk/city\"", desk, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/desk/verification\"", desk, StringComparison.Ordinal);
    }
}
