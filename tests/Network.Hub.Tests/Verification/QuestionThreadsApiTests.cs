using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Network.Hub.Tests.Problems;

namespace Network.Hub.Tests.Verification;

/// <summary>
/// The question threads: a verifier asks about one value of its assigned city's snapshot, the city's node reads and
/// answers, and every refusal names the field. One hub for the class, so each test asks about its own value or text.
/// </summary>
public sealed class QuestionThreadsApiTests(VerificationNetwork network) : IClassFixture<VerificationNetwork>
{
    private const string Questions = "/api/verification/questions";
    private const string TrondheimThreads = "/api/cities/NO-5001/questions";
    private const string TrondheimAnswers = "/api/cities/NO-5001/questions/answers";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_question_is_asked_read_and_answered_and_the_thread_closes()
    {
        var verifier = await network.VerifierAsync();
        var node = await network.NodeAsync("NO-5001");

        using (var asked = await verifier.PostAsJsonAsync(Questions, Question("EC-ICT-ICT-4C", "4G", "Which operator's coverage map, and from which month?"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
            var message = await Json(asked);
            Assert.Equal("verifier", message.GetProperty("author").GetString());
            Assert.Equal(2020, message.GetProperty("period").GetInt32());
            Assert.Equal(network.Trondheim.SnapshotId, message.GetProperty("snapshotId").GetGuid());
        }

        var open = Thread(await GetJsonAsync(node, TrondheimThreads + "?period=2020"), "EC-ICT-ICT-4C", "4G");
        Assert.True(open.GetProperty("open").GetBoolean());
        Assert.Equal(VerificationNetwork.Verifier, open.GetProperty("verifierId").GetString());

        using (var answered = await node.PostAsJsonAsync(TrondheimAnswers,
            new { period = 2020, kpi = "EC-ICT-ICT-4C", dataPoint = "4G", verifierId = VerificationNetwork.Verifier, text = "Telenor's map of December 2020." }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
            Assert.Equal("city", (await Json(answered)).GetProperty("author").GetString());
        }

        foreach (var reader in new[] { node, verifier, await network.CoordinatorAsync() })
        {
            var thread = Thread(await GetJsonAsync(reader, TrondheimThreads), "EC-ICT-ICT-4C", "4G");
            Assert.False(thread.GetProperty("open").GetBoolean());
            Assert.Equal(
                [("verifier", "Which operator's coverage map, and from which month?"), ("city", "Telenor's map of December 2020.")],
                thread.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("author").GetString(), m.GetProperty("text").GetString())));
        }
    }

    [Fact]
    public async Task A_verifier_reads_its_own_threads_and_the_city_reads_all_of_them()
    {
        var verifier = await network.VerifierAsync();
        var second = await network.VerifierAsync(VerificationNetwork.SecondVerifier);
        using (var asked = await second.PostAsJsonAsync(Questions, Question("EC-I-WS-3C", null, "Is this the share of households or of people?"), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        var ownThreads = await GetJsonAsync(second, TrondheimThreads);
        var othersThreads = await GetJsonAsync(verifier, TrondheimThreads);
        var citysThreads = await GetJsonAsync(await network.NodeAsync("NO-5001"), TrondheimThreads);

        Assert.All(ownThreads.GetProperty("threads").EnumerateArray(), t => Assert.Equal(VerificationNetwork.SecondVerifier, t.GetProperty("verifierId").GetString()));
        Assert.DoesNotContain(othersThreads.GetProperty("threads").EnumerateArray(), t => t.GetProperty("verifierId").GetString() == VerificationNetwork.SecondVerifier);
        Assert.Contains(citysThreads.GetProperty("threads").EnumerateArray(), t => t.GetProperty("verifierId").GetString() == VerificationNetwork.SecondVerifier);
    }

    [Fact]
    public async Task Each_invalid_field_of_a_question_is_named()
    {
        var verifier = await network.VerifierAsync();

        await AssertFieldAsync(verifier, Questions, new { kpi = "EN-EN-AQ-2C", text = "?" }, HttpStatusCode.BadRequest, "snapshotId");
        await AssertFieldAsync(verifier, Questions, new { snapshotId = network.Trondheim.SnapshotId, text = "?" }, HttpStatusCode.BadRequest, "kpi");
        await AssertFieldAsync(verifier, Questions, Question("EN-EN-AQ-2C", null, "   "), HttpStatusCode.BadRequest, "text");
        await AssertFieldAsync(verifier, Questions, Question("EN-EN-AQ-2C", null, new string('?', 4001)), HttpStatusCode.BadRequest, "text");
        await AssertFieldAsync(verifier, Questions, Question("EC-P-EM-2C", null, "Where is youth unemployment?"), HttpStatusCode.BadRequest, "kpi");
        await AssertFieldAsync(verifier, Questions, Question("EC-ICT-ICT-4C", "5G", "And 5G?"), HttpStatusCode.BadRequest, "dataPoint");
        await AssertFieldAsync(verifier, Questions, new { snapshotId = Guid.NewGuid(), kpi = "EN-EN-AQ-2C", text = "?" }, HttpStatusCode.NotFound, "snapshotId");
        await AssertFieldAsync(verifier, Questions, new { snapshotId = network.Bergen.SnapshotId, kpi = "EN-EN-AQ-2C", text = "?" }, HttpStatusCode.Forbidden, "snapshotId");
        await AssertFieldAsync(await network.VerifyScopeWithoutVerifierAsync(), Questions, Question("EN-EN-AQ-2C", null, "?"), HttpStatusCode.Forbidden, "verifier");
        await AssertFieldAsync(await network.VerifierAsync(VerificationNetwork.FormerVerifier), Questions, Question("EN-EN-AQ-2C", null, "?"), HttpStatusCode.Forbidden, "snapshotId");
    }

    [Fact]
    public async Task A_question_of_4000_characters_is_kept_whole()
    {
        var verifier = await network.VerifierAsync();
        var text = new string('q', 3_999) + "?";

        using var asked = await verifier.PostAsJsonAsync(Questions, Question("SC-EH-H-3C", null, text), Ct);

        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        Assert.Equal(text, (await Json(asked)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Each_invalid_field_of_an_answer_is_named()
    {
        var node = await network.NodeAsync("NO-5001");
        var answer = new { period = 2020, kpi = "EN-EN-AQ-2C", verifierId = VerificationNetwork.Verifier, text = "An answer nobody asked for." };

        await AssertFieldAsync(node, TrondheimAnswers, answer, HttpStatusCode.NotFound, "kpi");
        await AssertFieldAsync(node, TrondheimAnswers, answer with { text = "" }, HttpStatusCode.BadRequest, "text");
        await AssertFieldAsync(node, TrondheimAnswers, answer with { verifierId = "Demo Verifier" }, HttpStatusCode.BadRequest, "verifierId");
        await AssertFieldAsync(node, TrondheimAnswers, new { kpi = "EN-EN-AQ-2C", verifierId = VerificationNetwork.Verifier, text = "?" }, HttpStatusCode.BadRequest, "period");
        await AssertFieldAsync(await network.NodeAsync("NO-4601"), TrondheimAnswers, answer, HttpStatusCode.Forbidden, "cityId");
    }

    [Fact]
    public async Task The_list_is_refused_to_member_cities_other_nodes_and_unassigned_verifiers_naming_the_city()
    {
        foreach (var client in new[] { await network.MemberAsync(), await network.NodeAsync("NO-4601"), await network.VerifierAsync(VerificationNetwork.BergenVerifier), await network.VerifierAsync(VerificationNetwork.FormerVerifier) })
        {
            using var response = await client.GetAsync(TrondheimThreads, Ct);

            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cityId", out _));
        }
    }

    [Fact]
    public async Task A_period_that_is_no_year_is_refused_and_a_period_without_threads_lists_none()
    {
        var node = await network.NodeAsync("NO-5001");

        using var refused = await node.GetAsync(TrondheimThreads + "?period=last", Ct);
        var list = await GetJsonAsync(node, TrondheimThreads + "?period=2019");

        var problem = await AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("period", out _));
        Assert.Empty(list.GetProperty("threads").EnumerateArray());
        Assert.False(list.GetProperty("truncated").GetBoolean());
    }

    private object Question(string kpi, string? dataPoint, string text) =>
        new { snapshotId = network.Trondheim.SnapshotId, kpi, dataPoint, text };

    private static JsonElement Thread(JsonElement list, string kpi, string? dataPoint) =>
        Assert.Single(list.GetProperty("threads").EnumerateArray(), t =>
            t.GetProperty("kpi").GetString() == kpi && (t.GetProperty("dataPoint").ValueKind == JsonValueKind.Null ? null : t.GetProperty("dataPoint").GetString()) == dataPoint
            && t.GetProperty("verifierId").GetString() == VerificationNetwork.Verifier);

    private static async Task AssertFieldAsync(HttpClient client, string path, object body, HttpStatusCode status, string field)
    {
        using var response = await client.PostAsJsonAsync(path, body, Ct);
        var problem = await AssertProblemAsync(response, status);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _), $"{path} {(int)status}: no error at '{field}' in {problem}");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return await Json(response);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
}
