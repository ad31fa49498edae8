using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Tests.GraphQL;
using static Network.Hub.Tests.Problems;

namespace Network.Hub.Tests.Verification;

/// <summary>
/// Questions and answers stay between the city and its verifiers: with a question and an answer stored, no GET route
/// the hub maps (nor GraphQL, nor the OData feed) returns either text to an anonymous reader or to another city's node.
/// </summary>
public sealed class QuestionEmbargoTests(VerificationNetwork network) : IClassFixture<VerificationNetwork>
{
    private const string QuestionText = "QUESTION-MARKER: which year is the CO2 figure for?";
    private const string AnswerText = "ANSWER-MARKER: 2019, the latest inventory.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_anonymous_path_and_no_other_citys_node_returns_a_question_or_an_answer()
    {
        await AskAndAnswerAsync();
        var readers = new[] { ("anonymous", network.Anonymous()), ("Bergen's node", await network.NodeAsync("NO-4601")), ("a member city", await network.MemberAsync()) };

        var leaks = new List<string>();
        var paths = GetPaths().Concat(
        [
            "/odata/Values?$filter=CityId eq 'NO-5001'", "/odata/Snapshots?$expand=Values", "/odata/$metadata",
            "/api/compare.csv?cities=NO-5001&period=2020", "/api/cities/NO-5001/questions?period=2020",
        ]).ToList();
        foreach (var (who, client) in readers)
        {
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path, Ct);
                var body = await response.Content.ReadAsStringAsync(Ct);
                if (body.Contains("QUESTION-MARKER", StringComparison.Ordinal) || body.Contains("ANSWER-MARKER", StringComparison.Ordinal))
                {
                    leaks.Add($"{who} GET {path} ({(int)response.StatusCode})");
                }
            }

            var graphQL = await GraphQLAnswer.PostAsync(client, """{ __schema { types { name fields { name } } } city(id: "NO-5001") { snapshots { id values { kpi value } } } }""");
            if (graphQL.Body.GetRawText().Contains("MARKER", StringComparison.Ordinal))
            {
                leaks.Add($"{who} GraphQL");
            }
        }

        Assert.True(leaks.Count == 0, "Question or answer text returned to: " + string.Join(", ", leaks));
    }

    [Fact]
    public async Task The_thread_list_asks_an_anonymous_reader_for_a_token_and_refuses_other_cities()
    {
        using var anonymous = await network.Anonymous().GetAsync("/api/cities/NO-5001/questions", Ct);
        using var bergen = await (await network.NodeAsync("NO-4601")).GetAsync("/api/cities/NO-5001/questions", Ct);

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        var problem = await AssertProblemAsync(bergen, HttpStatusCode.Forbidden);
        Assert.Contains("NO-4601", problem.GetProperty("errors").GetProperty("cityId")[0].GetString(), StringComparison.Ordinal);
    }

    private async Task AskAndAnswerAsync()
    {
        var verifier = await network.VerifierAsync();
        using (var asked = await verifier.PostAsJsonAsync("/api/verification/questions",
            new { snapshotId = network.Trondheim.SnapshotId, kpi = "EN-EN-AQ-2C", text = QuestionText }, Ct))
        {
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        var node = await network.NodeAsync("NO-5001");
        using var answered = await node.PostAsJsonAsync("/api/cities/NO-5001/questions/answers",
            new { period = 2020, kpi = "EN-EN-AQ-2C", verifierId = VerificationNetwork.Verifier, text = AnswerText }, Ct);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
    }

    // Every GET route the hub maps, its parameters filled with Trondheim's snapshot, city and values.
    private List<string> GetPaths() =>
        network.Hub.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true && e.RoutePattern.RawText is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.Contains("{*", StringComparison.Ordinal) && !p.StartsWith("/odata", StringComparison.Ordinal))
            .Select(p => p
                .Replace("{snapshotId:guid}", network.Trondheim.SnapshotId.ToString(), StringComparison.Ordinal)
                .Replace("{cityId}", "NO-5001", StringComparison.Ordinal)
                .Replace("{code}", "EN-EN-AQ-2C", StringComparison.Ordinal)
                .Replace("{kpi}", "EN-EN-AQ-2C", StringComparison.Ordinal)
                .Replace("{period}", "2020", StringComparison.Ordinal))
            .Where(p => !p.Contains('{', StringComparison.Ordinal))
            .Distinct()
            .ToList();
}
