using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Tests.Verification;
using Network.Testing.Hub;
using Network.ValueFiles;
using static Network.Testing.Hub.SignedInPeople;

namespace Network.Hub.Tests.Pages.Desk;

/// <summary>
/// The verifier's desk over HTTP, signed in as a verifier's person: the queue of its assigned cities only, the verdict
/// form whose POST answers with the filled verdict sheet (never a signature), and the question threads.
/// </summary>
public sealed class VerificationDeskTests(VerificationNetwork network) : IClassFixture<VerificationNetwork>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string FormPath => $"/desk/verification/snapshots/{network.Trondheim.SnapshotId}";

    [Fact]
    public async Task The_desk_lists_the_assigned_citys_snapshot_as_waiting_and_no_other_citys()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));

        using var desk = await verifier.GetAsync(new Uri("/desk/verification", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, desk.StatusCode);
        var html = await desk.Content.ReadAsStringAsync(Ct);
        Assert.Contains("You verify for <strong>demo-verifier</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{FormPath}\"", html, StringComparison.Ordinal);
        Assert.Contains("waiting", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NO-4601", html, StringComparison.Ordinal);
        Assert.DoesNotContain(network.Bergen.SnapshotId.ToString(), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verifier_sees_only_its_assigned_cities_another_citys_queue_and_snapshot_are_403_in_words()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));

        using var queue = await verifier.GetAsync(new Uri("/desk/verification?city=NO-4601", UriKind.Relative), Ct);
        using var form = await verifier.GetAsync(new Uri($"/desk/verification/snapshots/{network.Bergen.SnapshotId}", UriKind.Relative), Ct);
        using var threads = await verifier.GetAsync(new Uri($"/desk/verification/snapshots/{network.Bergen.SnapshotId}/questions", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, queue.StatusCode);
        Assert.Contains("You are not assigned to NO-4601", await queue.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        foreach (var refused in new[] { form, threads })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var html = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains("The verifier demo-verifier is not assigned to NO-4601", html, StringComparison.Ordinal);
            Assert.DoesNotContain(network.Bergen.Digest, html, StringComparison.Ordinal);
        }

        // Nor does the form's POST make another city's sheet.
        using var posted = await PostFormAsync(verifier, $"/desk/verification/snapshots/{network.Bergen.SnapshotId}", "verdicts", new Dictionary<string, string> { ["verdict-0"] = "verified" });
        Assert.Equal(HttpStatusCode.Forbidden, posted.StatusCode);
        Assert.Equal("text/html", posted.Content.Headers.ContentType?.MediaType);
        Assert.Contains("The verifier demo-verifier is not assigned to NO-4601", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // A verifier whose assignment ended sees the city no longer.
        using var former = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.FormerVerifier));
        using var formerForm = await former.GetAsync(new Uri(FormPath, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, formerForm.StatusCode);
    }

    [Fact]
    public async Task An_unknown_snapshot_is_a_404_page_in_words()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));
        var unknown = Guid.NewGuid();

        using var page = await verifier.GetAsync(new Uri($"/desk/verification/snapshots/{unknown}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains($"The hub holds no accepted snapshot {unknown}.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("analyst")]
    [InlineData("coordinator")]
    public async Task Another_role_gets_the_403_page(string kind)
    {
        var role = kind switch { "member" => Member, "analyst" => AnalystOf("NO-5001"), _ => Coordinator };
        using var person = await network.Hub.CreateSignedInClientAsync(role);

        foreach (var path in new[] { "/desk/verification", FormPath, FormPath + "/questions" })
        {
            using var page = await person.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/access-denied", PathOf(page.Headers.Location), StringComparison.Ordinal);
        }

        var desk = await person.GetStringAsync(new Uri("/desk", UriKind.Relative), Ct);
        Assert.DoesNotContain("href=\"/desk/verification\"", desk, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_verdict_form_shows_the_values_with_the_citys_note_and_says_how_to_sign_with_the_node()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));

        var html = await verifier.GetStringAsync(new Uri(FormPath, UriKind.Relative), Ct);

        Assert.Contains("a note for the network only", html, StringComparison.Ordinal);
        Assert.Contains("The hub does not sign for you.", html, StringComparison.Ordinal);
        Assert.Matches($"network-node --data ./verifier verifier attest verdicts-NO-5001-2020-{network.Trondheim.SnapshotId.ToString("N")[..8]}.csv --method", html);
        Assert.Equal(network.Trondheim.Values.Count, CountOf(html, "<select id=\"verdict-"));
    }

    [Fact]
    public async Task Posting_the_form_answers_with_the_filled_verdict_sheet_the_node_signs_as_it_is()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));
        var values = network.Trondheim.Values;
        var attestationsBefore = await network.Hub.QueryAsync(db => db.Attestations.CountAsync(Ct));

        using var answer = await PostFormAsync(verifier, FormPath, "verdicts", new Dictionary<string, string>
        {
            ["verdict-0"] = "verified",
            ["verdict-1"] = "not-verified",
            ["reason-1"] = "The source gives another figure.",
            [$"verdict-{values.Count - 1}"] = "question",
            [$"question-{values.Count - 1}"] = "Which coverage map, and of which month?",
        });

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("text/csv", answer.Content.Headers.ContentType?.MediaType);
        var name = answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName;
        Assert.Equal($"verdicts-NO-5001-2020-{network.Trondheim.SnapshotId.ToString("N")[..8]}.csv", name?.Trim('"'));
        var sheet = VerdictSheet.ReadCsv(await answer.Content.ReadAsStreamAsync(Ct), name!, network.Trondheim);
        Assert.True(sheet.Success, string.Join('\n', sheet.Failures));
        Assert.Equal(
            [(values[0].Kpi, "verified", (string?)null), (values[1].Kpi, "not-verified", "The source gives another figure."), (values[^1].Kpi, "question", null)],
            sheet.Value.Verdicts.Select(v => (v.Kpi, Network.Contracts.Attestations.AttestationFormat.WireName(v.Outcome), v.Reason)));
        var question = Assert.Single(sheet.Value.Questions);
        Assert.Equal(("EC-ICT-ICT-4C", "4G", "Which coverage map, and of which month?"), (question.Kpi, question.DataPoint, question.Text));

        // The hub signed and stored nothing: the verifier signs the sheet with its own key.
        Assert.Equal(attestationsBefore, await network.Hub.QueryAsync(db => db.Attestations.CountAsync(Ct)));
    }

    [Fact]
    public async Task A_form_the_sheet_reader_refuses_comes_back_with_the_readers_words_beside_the_value_and_400()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));

        using var noReason = await PostFormAsync(verifier, FormPath, "verdicts", new Dictionary<string, string>
        {
            ["verdict-0"] = "verified",
            ["verdict-1"] = "not-verified",
            ["question-0"] = "A question without the verdict question",
        });
        using var nothing = await PostFormAsync(verifier, FormPath, "verdicts", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("text/html", noReason.Content.Headers.ContentType?.MediaType);
        var html = await noReason.Content.ReadAsStringAsync(Ct);
        Assert.Contains("The sheet was not made", html, StringComparison.Ordinal);
        Assert.Contains("id=\"problem-1\" class=\"field-problem\">reason: A value that is not verified needs the reason", html, StringComparison.Ordinal);
        Assert.Contains("id=\"problem-0\" class=\"field-problem\">question: The row asks a question but its verdict is verified.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"A question without the verdict question\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"not-verified\" selected", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("has no verdicts: every verdict cell is empty", await nothing.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_form_without_the_antiforgery_token_is_refused()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["verdict-0"] = "verified" });

        using var refused = await verifier.PostAsync(new Uri(FormPath, UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_question_asked_on_the_desk_reaches_the_citys_thread_as_the_person_and_the_answer_reads_there()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier), email: "vera@verification.example");
        var questions = FormPath + "/questions";

        using var asked = await PostFormAsync(verifier, questions, "ask", new Dictionary<string, string>
        {
            ["Value"] = "EC-ICT-ICT-4C|4G",
            ["Text"] = "Is the 4G coverage measured by population or by area?",
        });

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Your question on EC-ICT-ICT-4C (4G) is in Trondheim", await asked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var stored = await network.Hub.QueryAsync(db => db.ThreadMessages.SingleAsync(m => m.Text == "Is the 4G coverage measured by population or by area?", Ct));
        Assert.Equal(("demo-verifier", "person:vera@verification.example"), (stored.VerifierId, stored.AuthorClientId));

        // The city's node answers; the desk shows the answer in the thread.
        using var node = await network.NodeAsync("NO-5001");
        using var answered = await node.PostAsJsonAsync("/api/cities/NO-5001/questions/answers",
            new { period = 2020, kpi = "EC-ICT-ICT-4C", dataPoint = "4G", verifierId = "demo-verifier", text = "By population, from the operators' maps." }, Ct);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var page = await verifier.GetStringAsync(new Uri(questions, UriKind.Relative), Ct);
        Assert.Contains("By population, from the operators&#x27; maps.", page, StringComparison.Ordinal);
        Assert.Contains("answered by the city", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_without_text_or_value_is_refused_under_its_field_with_400()
    {
        using var verifier = await network.Hub.CreateSignedInClientAsync(VerifierOf(VerificationNetwork.Verifier));
        var questions = FormPath + "/questions";

        using var noText = await PostFormAsync(verifier, questions, "ask", new Dictionary<string, string> { ["Value"] = "EC-ICT-ICT-4C|4G", ["Text"] = " " });
        using var noValue = await PostFormAsync(verifier, questions, "ask", new Dictionary<string, string> { ["Value"] = "XX-NOT-A-KPI|", ["Text"] = "Why?" });

        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Contains("id=\"ask-text-problem\" class=\"field-problem\">Write the text (1 to 4,000 characters).", await noText.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noValue.StatusCode);
        Assert.Contains("Choose one of the snapshot&#x27;s values to ask about.", await noValue.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
