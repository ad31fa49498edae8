using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Enrollment;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.EndToEnd.Tests.Bus;
using Network.Hub.Storage;
using Network.Testing;
using Network.Testing.Hub;
using Network.ValueFiles;

namespace Network.EndToEnd.Tests.Verification;

/// <summary>
/// The "done when", end to end over a real RabbitMQ broker and the hub's HTTP door: a verifier enrolls, is
/// approved and assigned; the city publishes over the bus; the verifier fills the hub's verdict sheet, attests over the
/// bus and over HTTP, asks the city about one value; the city's node answers; the verifier attests again; the value
/// turns verified on every reader, scores "as verified" count it, and a peer match weighs it as verified.
/// </summary>
[Collection(OneBrokerAtATime.Name)]
public sealed class VerifiedKpiJourneyTests
{
    private const string VerifierId = "fjord-verifier";
    private const string Organisation = "Fjord Verification AS (test)";
    private const string Questioned = "EC-I-WS-3C";
    private const string QuestionText = "Is the 28.42 % water loss metered or estimated from night flows?";
    private const string AnswerText = "Metered: district meters at all 31 zones, 2020 average.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_enrolled_verifier_attests_over_bus_and_HTTP_asks_the_city_and_its_final_verdict_makes_the_value_verified_everywhere()
    {
        await using var broker = await BrokerHub.StartAsync();
        using var keys = CityKeyPair.Generate();
        using var anonymous = broker.Hub.CreateClient();
        using var coordinator = await broker.Hub.CreateClientAsync(await broker.Hub.AddCoordinatorClientAsync("Secretariat"));

        // Enrollment: the verifier's signed request, the coordinator's approval and assignment, all over HTTP.
        var secret = await EnrollAndApproveAsync(anonymous, coordinator, keys);
        using (var assigned = await coordinator.PostAsJsonAsync($"/api/verifiers/{VerifierId}/assignments", new { cityId = "NO-5001" }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        }

        // The cities publish over the bus; Bergen is the peer whose match with Trondheim weighs Trondheim's values.
        var trondheimJws = await PublishOverTheBusAsync(broker, broker.Trondheim, broker.Trondheim.Snapshot());
        await PublishOverTheBusAsync(broker, broker.Bergen, broker.Bergen.Snapshot().WithValues(
            SnapshotBuilder.Value("EN-EN-AQ-2C", 3.1, "tCO2e per capita per year"),
            SnapshotBuilder.Value("EC-P-EM-1C", 2.2, "%"),
            SnapshotBuilder.Value("EC-I-WS-3C", 15.0, "%"),
            SnapshotBuilder.Value("SC-EH-H-3C", 95.0, "physicians per 100,000 inhabitants")));
        var digest = SnapshotFormat.Digest(trondheimJws);

        // The verifier's token comes from the client the approval created.
        using var verifier = broker.Hub.CreateClient();
        verifier.WithToken(await TestTokens.RequestAsync(verifier, "verifier-" + VerifierId, secret, ct: Ct));
        await using var bus = await BusVerifier.StartAsync(VerifierId, broker.VirtualHost.Name);

        var queued = Assert.Single((await GetJsonAsync(verifier, "/api/verification/queue")).GetProperty("snapshots").EnumerateArray());
        Assert.Equal(("NO-5001", digest, true), (queued.GetProperty("cityId").GetString(), queued.GetProperty("digest").GetString(), queued.GetProperty("waiting").GetBoolean()));
        var snapshotId = queued.GetProperty("snapshotId").GetGuid();

        // First attestation: all verified but one value, which is a question. Over the bus, then the same JWS over HTTP.
        var (firstJws, firstSheet) = await AttestFromSheetAsync(verifier, keys, snapshotId, new Dictionary<string, string> { [Questioned] = QuestionText });
        Assert.Equal(new SheetQuestion(Questioned, null, QuestionText), Assert.Single(firstSheet.Questions));
        Assert.Equal(digest, firstSheet.Snapshot.Digest);
        await bus.SubmitAsync(firstJws, Ct);
        await TestNode.WaitUntilAsync(() => Task.FromResult(bus.Answers == 1), Patience, "the answer to the attestation sent over the bus");
        Assert.Empty(bus.Rejected);
        var accepted = Assert.Single(bus.Accepted);
        Assert.Equal((VerifierId, snapshotId, "NO-5001", 2020, SnapshotFormat.Digest(firstJws), false),
            (accepted.VerifierId, accepted.SnapshotId, accepted.CityId, accepted.Period, accepted.Digest, accepted.Duplicate));

        using (var again = await PostAttestationAsync(verifier, firstJws))
        {
            var receipt = await AcceptedAsync(again);
            Assert.Equal((accepted.AttestationId, true), (receipt.GetProperty("attestationId").GetGuid(), receipt.GetProperty("duplicate").GetBoolean()));
        }

        var stored = await broker.Hub.QueryAsync(db => db.Attestations.AsNoTracking().SingleAsync(Ct));
        Assert.Equal((accepted.AttestationId, SubmissionDoor.Bus, digest), (stored.AttestationId, stored.Door, stored.SnapshotDigest));

        // The question goes to the city's members-only thread, never into the attestation.
        using (var asked = await verifier.PostAsJsonAsync("/api/verification/questions", new { snapshotId, kpi = Questioned, text = QuestionText }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        var waiting = Assert.Single((await GetJsonAsync(verifier, "/api/verification/queue")).GetProperty("snapshots").EnumerateArray());
        var questionedInQueue = waiting.GetProperty("values").EnumerateArray().Single(v => v.GetProperty("kpi").GetString() == Questioned);
        Assert.Equal(("question", 1, true), (questionedInQueue.GetProperty("verdict").GetProperty("outcome").GetString(), questionedInQueue.GetProperty("openQuestions").GetInt32(), waiting.GetProperty("waiting").GetBoolean()));

        var before = await ReadEverywhereAsync(anonymous, snapshotId);
        Assert.Equal((false, "question"), before.Rest[Questioned]);
        Assert.All(before.Rest.Where(v => v.Key != Questioned), v => Assert.Equal((true, "verified"), v.Value));
        Assert.Equal((false, "question"), before.GraphQL[Questioned]);
        Assert.False(before.CountedAsVerified, "A questioned value does not count as verified.");
        Assert.Equal(Questioned, Assert.Single(before.ReportedNotVerifiedKpis));
        Assert.Equal(0.8, before.CitySideWeight, 6);
        Assert.Equal(0.64, before.ContributionWeight, 6);
        Assert.DoesNotContain(QuestionText, await anonymous.GetStringAsync($"/api/snapshots/{snapshotId}/attestations", Ct), StringComparison.Ordinal);

        // The city's node reads the thread and answers.
        using var node = await broker.Hub.CreateNodeClientAsync("NO-5001");
        var thread = Assert.Single((await GetJsonAsync(node, "/api/cities/NO-5001/questions?period=2020")).GetProperty("threads").EnumerateArray());
        Assert.Equal((Questioned, VerifierId, true), (thread.GetProperty("kpi").GetString(), thread.GetProperty("verifierId").GetString(), thread.GetProperty("open").GetBoolean()));
        Assert.Equal(QuestionText, Assert.Single(thread.GetProperty("messages").EnumerateArray()).GetProperty("text").GetString());
        using (var answered = await node.PostAsJsonAsync("/api/cities/NO-5001/questions/answers", new { period = 2020, kpi = Questioned, verifierId = VerifierId, text = AnswerText }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        }

        var answer = Assert.Single((await GetJsonAsync(verifier, "/api/cities/NO-5001/questions")).GetProperty("threads").EnumerateArray());
        Assert.False(answer.GetProperty("open").GetBoolean());
        Assert.Equal([("verifier", QuestionText), ("city", AnswerText)],
            answer.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("author").GetString(), m.GetProperty("text").GetString())));

        // Second attestation, over HTTP: the value is now verified too.
        var (secondJws, secondSheet) = await AttestFromSheetAsync(verifier, keys, snapshotId, new Dictionary<string, string>());
        Assert.Empty(secondSheet.Questions);
        using (var posted = await PostAttestationAsync(verifier, secondJws))
        {
            var receipt = await AcceptedAsync(posted);
            Assert.False(receipt.GetProperty("duplicate").GetBoolean());
        }

        var after = await ReadEverywhereAsync(anonymous, snapshotId);
        Assert.All(after.Rest, v => Assert.Equal((true, "verified"), v.Value));
        Assert.Equal((true, "verified"), after.GraphQL[Questioned]);
        Assert.Equal((VerifierId, SnapshotFormat.Digest(secondJws)), after.QuestionedBy);
        Assert.True(after.CountedAsVerified, "The verified value counts as verified.");
        Assert.Empty(after.ReportedNotVerifiedKpis);
        Assert.Equal(1.0, after.CitySideWeight, 6);
        Assert.Equal(0.8, after.ContributionWeight, 6);
        Assert.False(Assert.Single((await GetJsonAsync(verifier, "/api/verification/queue")).GetProperty("snapshots").EnumerateArray()).GetProperty("waiting").GetBoolean());
        var trondheim = (await GetJsonAsync(coordinator, "/api/cities")).EnumerateArray().Single(c => c.GetProperty("id").GetString() == "NO-5001");
        Assert.Equal(1.0, trondheim.GetProperty("verifiedShare").GetDouble());

        // Both attestations stay readable, the first superseded by the second.
        var listed = (await GetJsonAsync(anonymous, $"/api/snapshots/{snapshotId}/attestations")).EnumerateArray().ToList();
        Assert.Equal([secondJws, firstJws], listed.Select(a => a.GetProperty("jws").GetString()));
        Assert.Equal(listed[0].GetProperty("attestationId").GetGuid(), listed[1].GetProperty("supersededBy").GetGuid());
    }

    // POSTs the verifier's signed VerifierEnrollmentRequest and has the coordinator approve it; returns the client secret.
    private static async Task<string> EnrollAndApproveAsync(HttpClient anonymous, HttpClient coordinator, CityKeyPair keys)
    {
        var request = new VerifierEnrollmentRequest(VerifierId, Organisation, keys.PublicJwk, "verification@example.org", DateTimeOffset.UtcNow).Sign(keys.Key);
        using var content = new StringContent(request, Encoding.ASCII, "application/jose");
        using var submitted = await anonymous.PostAsync(new Uri("/api/enrollments", UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var enrollmentId = (await JsonAsync(submitted)).GetProperty("enrollmentId").GetGuid();

        using var approved = await coordinator.PostAsync(new Uri($"/api/enrollments/{enrollmentId}/approve", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await JsonAsync(approved);
        Assert.Equal("verifier-" + VerifierId, approval.GetProperty("clientId").GetString());
        return approval.GetProperty("clientSecret").GetString()!;
    }

    // The city's node publishes over the broker and the hub answers on the city's queue; returns the JWS.
    private static async Task<string> PublishOverTheBusAsync(BrokerHub broker, TestCity city, SnapshotBuilder snapshot)
    {
        await using var node = await TestNode.StartAsync(city.CityId, broker.VirtualHost.Name);
        var jws = snapshot.Sign();
        await node.PublishAsync(jws, Ct);
        await TestNode.WaitUntilAsync(() => Task.FromResult(node.Accepted.Count + node.Rejected.Count == 1), Patience, $"{city.CityId}'s answer");
        Assert.Equal(SnapshotFormat.Digest(jws), Assert.Single(node.Accepted).Digest);
        return jws;
    }

    // Fetches the hub's CSV verdict sheet, fills it, reads it back with the product's reader and signs what it says.
    private static async Task<(string Jws, FilledVerdictSheet Sheet)> AttestFromSheetAsync(
        HttpClient verifier, CityKeyPair keys, Guid snapshotId, IReadOnlyDictionary<string, string> questions)
    {
        using var response = await verifier.GetAsync(new Uri($"/api/verification/snapshots/{snapshotId}/sheet?format=csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sheet = await response.Content.ReadAsByteArrayAsync(Ct);
        var judged = VerdictSheet.ReadSnapshotCsv(new MemoryStream(sheet), "the hub's sheet");
        Assert.True(judged.Success, string.Join("; ", judged.Failures));

        var filled = VerdictSheet.ReadCsv(new MemoryStream(VerdictSheetFilling.Fill(sheet, questions)), "verdicts.csv", judged.Value);
        Assert.True(filled.Success, string.Join("; ", filled.Failures));
        var snapshot = judged.Value;
        Assert.Equal(snapshot.Values.Count, filled.Value.Verdicts.Count);
        var attestation = new Attestation(Guid.NewGuid(), VerifierId, snapshot.Digest, snapshot.SnapshotId, snapshot.CityId, snapshot.Period,
            "U4SSC KPI verification (ITU, 2022)", "Verification Report - Trondheim (2020)", DateTimeOffset.UtcNow, filled.Value.Verdicts);
        return (new AttestationSigner(keys.Key, keys.KeyId).Sign(attestation), filled.Value);
    }

    private static async Task<HttpResponseMessage> PostAttestationAsync(HttpClient verifier, string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII, "application/jose");
        return await verifier.PostAsync(new Uri("/api/attestations", UriKind.Relative), content, Ct);
    }

    private static async Task<JsonElement> AcceptedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    // What an anonymous reader sees of Trondheim 2020: REST values, GraphQL values, the comparison and score card as
    // verified, and the complementary match with Bergen on the questioned KPI.
    private static async Task<Readings> ReadEverywhereAsync(HttpClient anonymous, Guid snapshotId)
    {
        var rest = (await GetJsonAsync(anonymous, $"/api/snapshots/{snapshotId}")).GetProperty("values").EnumerateArray()
            .ToDictionary(v => v.GetProperty("kpi").GetString()!, v => (v.GetProperty("verified").GetBoolean(), v.GetProperty("verdict").GetString()));

        var data = await GraphQLAsync(anonymous, $$"""
            {
              city(id: "NO-5001") {
                values(period: 2020) { kpiCode verified verdict verifiedBy attestationDigest }
                asVerified: scores(period: 2020, basis: AS_VERIFIED) { basis kpis { code } }
                asReported: scores(period: 2020) { basis kpis { code } }
              }
              compare(cities: ["NO-5001", "NO-4601"], kpis: ["{{Questioned}}"], period: 2020, basis: AS_VERIFIED) {
                basis rows { kpiCode cells { cityId reported verified } }
              }
              peers(city: "NO-5001", mode: COMPLEMENTARY, period: 2020, minimumOverlap: 1) {
                cityId basis
                match { contributions { kpiCode weight city { values { verified qualityWeight } } } }
              }
            }
            """);
        var values = data.GetProperty("city").GetProperty("values").EnumerateArray().ToList();
        var graphQL = values.ToDictionary(v => v.GetProperty("kpiCode").GetString()!, v => (v.GetProperty("verified").GetBoolean(), v.GetProperty("verdict").GetString()));
        var questioned = values.Single(v => v.GetProperty("kpiCode").GetString() == Questioned);

        var city = data.GetProperty("city");
        Assert.Equal(("AS_VERIFIED", "AS_REPORTED"), (city.GetProperty("asVerified").GetProperty("basis").GetString(), city.GetProperty("asReported").GetProperty("basis").GetString()));
        var reported = Codes(city.GetProperty("asReported"));
        var counted = Codes(city.GetProperty("asVerified"));
        Assert.Equal(4, reported.Count);

        var compare = data.GetProperty("compare");
        Assert.Equal("AS_VERIFIED", compare.GetProperty("basis").GetString());
        var cell = Assert.Single(compare.GetProperty("rows").EnumerateArray()).GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("cityId").GetString() == "NO-5001");
        Assert.Equal(counted.Contains(Questioned), cell.GetProperty("reported").GetBoolean());

        var bergen = Assert.Single(data.GetProperty("peers").EnumerateArray());
        Assert.Equal(("NO-4601", "AS_REPORTED"), (bergen.GetProperty("cityId").GetString(), bergen.GetProperty("basis").GetString()));
        var contribution = bergen.GetProperty("match").GetProperty("contributions").EnumerateArray().Single(c => c.GetProperty("kpiCode").GetString() == Questioned);
        var citySide = Assert.Single(contribution.GetProperty("city").GetProperty("values").EnumerateArray());
        Assert.Equal(graphQL[Questioned].Item1, citySide.GetProperty("verified").GetBoolean());

        return new Readings(
            rest,
            graphQL,
            (questioned.GetProperty("verifiedBy").GetString(), questioned.GetProperty("attestationDigest").GetString()),
            counted.Contains(Questioned),
            reported.Except(counted).ToList(),
            citySide.GetProperty("qualityWeight").GetDouble(),
            contribution.GetProperty("weight").GetDouble());

        static List<string> Codes(JsonElement card) => [.. card.GetProperty("kpis").EnumerateArray().Select(k => k.GetProperty("code").GetString()!)];
    }

    private static async Task<JsonElement> GraphQLAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/graphql", new { query }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GraphQL answered {(int)response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(root.TryGetProperty("errors", out _), body);
        return root.GetProperty("data");
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    private sealed record Readings(
        Dictionary<string, (bool Verified, string? Verdict)> Rest,
        Dictionary<string, (bool Verified, string? Verdict)> GraphQL,
        (string? VerifiedBy, string? AttestationDigest) QuestionedBy,
        bool CountedAsVerified,
        List<string> ReportedNotVerifiedKpis,
        double CitySideWeight,
        double ContributionWeight);
}
