using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Signing;
using Network.Hub.Identity;
using Network.Hub.Tests.GraphQL;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>
/// Every endpoint the hub maps × every kind of caller: anonymous, a node that may only publish, a member city that
/// may read, a coordinator, a verifier. The matrix is checked against the hub's own endpoint table, so an endpoint added without
/// deciding who may call it fails here until it is classified.
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private readonly HubFactory _hub = new();
    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly Dictionary<Caller, HttpClient> _clients = [];

    /// <summary>Who may call what: the scope an endpoint needs (null: anyone), by method and route pattern.</summary>
    private static readonly Dictionary<(string Method, string Pattern), string?> Matrix = new()
    {
        [("GET", "/")] = null,
        [("GET", "/health")] = null,
        [("HEAD", "/health")] = null,
        [("GET", "/health/live")] = null,
        [("HEAD", "/health/live")] = null,
        [("GET", "/health/ready")] = null,
        [("HEAD", "/health/ready")] = null,
        [("POST", "/connect/token")] = null,
        [("GET", "/api/kpis")] = null,
        [("GET", "/api/kpis/tree")] = null,
        [("GET", "/api/kpis/{code}")] = null,
        [("POST", "/api/snapshots")] = Scopes.Publish,
        [("GET", "/api/snapshots/{snapshotId:guid}")] = null,
        [("POST", "/api/attestations")] = Scopes.Verify,
        [("GET", "/api/snapshots/{snapshotId:guid}/attestations")] = null,
        [("GET", "/api/cities")] = null,
        [("GET", "/api/cities/{cityId}/snapshots")] = null,
        [("GET", "/api/cities/{cityId}/jwks")] = null,
        [("POST", "/api/cities")] = Scopes.Coordinate,
        [("GET", "/api/cities/{cityId}/keys")] = Scopes.Coordinate,
        [("POST", "/api/cities/{cityId}/keys")] = Scopes.Coordinate,
        [("POST", "/api/cities/{cityId}/keys/{keyId}/revoke")] = Scopes.Coordinate,
        [("POST", "/api/enrollments")] = null,
        [("GET", "/api/enrollments")] = Scopes.Coordinate,
        [("GET", "/api/enrollments/{enrollmentId:guid}")] = Scopes.Coordinate,
        [("POST", "/api/enrollments/{enrollmentId:guid}/approve")] = Scopes.Coordinate,
        [("POST", "/api/enrollments/{enrollmentId:guid}/reject")] = Scopes.Coordinate,
        [("GET", "/api/verifiers")] = null,
        [("GET", "/api/verifiers/{verifierId}/jwks")] = null,
        [("GET", "/api/verifiers/{verifierId}/keys")] = Scopes.Coordinate,
        [("POST", "/api/verifiers/{verifierId}/keys")] = Scopes.Coordinate,
        [("POST", "/api/verifiers/{verifierId}/keys/{keyId}/revoke")] = Scopes.Coordinate,
        [("POST", "/api/verifiers/{verifierId}/assignments")] = Scopes.Coordinate,
        [("DELETE", "/api/verifiers/{verifierId}/assignments/{cityId}")] = Scopes.Coordinate,
        [("GET", "/api/verification/queue")] = Scopes.Verify,
        [("GET", "/api/compare.csv")] = null,
        [("GET", "/api/compare.xlsx")] = null,
        [("GET", "/api/target-sets")] = null,
        [("POST", "/api/target-sets")] = Scopes.Coordinate,
        [("GET", "/graphql")] = null,
        [("POST", "/graphql")] = null,
        [("GET", "/graphql/ui")] = null,
        [("GET", "/odata/NetworkPairing(period={period})")] = Scopes.Coordinate,
        [("GET", "/api/verification/snapshots/{snapshotId:guid}/sheet")] = Scopes.Verify,
        [("POST", "/api/verification/questions")] = Scopes.Verify,
        // The city's own node, its assigned verifiers and coordinators read a city's threads; member cities do not.
        [("GET", "/api/cities/{cityId}/questions")] = AnyOf(Scopes.Publish, Scopes.Coordinate, Scopes.Verify),
        [("POST", "/api/cities/{cityId}/questions/answers")] = Scopes.Publish,
        // The pages for people: public readership (the embargo's filter applies), their style sheet, and the
        // framework's own endpoints of Razor components (form posts, which antiforgery guards; its redirect helper).
        [("GET", "/pages.css")] = null,
        [("GET", "/cities")] = null,
        [("POST", "/cities")] = null,
        [("GET", "/cities/{cityId}")] = null,
        [("POST", "/cities/{cityId}")] = null,
        [("GET", "/partners")] = null,
        [("POST", "/partners")] = null,
        [("GET", "/compare")] = null,
        [("POST", "/compare")] = null,
        [("GET", "/_framework/opaque-redirect")] = null,
        [("GET", "/not-found")] = null,
        [("POST", "/not-found")] = null,
        // Signing in: open to anyone (the forms need the antiforgery token; POST /sign-out without one is 400).
        [("GET", "/sign-in")] = null,
        [("POST", "/sign-in")] = null,
        [("GET", "/sign-in/code")] = null,
        [("POST", "/sign-in/code")] = null,
        [("POST", "/sign-out")] = null,
        [("GET", "/access-denied")] = null,
        [("POST", "/access-denied")] = null,
        [("GET", "/invitations/{Token}")] = null,
        [("POST", "/invitations/{Token}")] = null,
        // Pages for signed-in people: only the sign-in cookie opens them, so every token caller is sent to /sign-in.
        [("GET", "/account")] = SignedInPage,
        [("POST", "/account")] = SignedInPage,
        [("GET", "/desk")] = SignedInPage,
        [("POST", "/desk")] = SignedInPage,
        [("GET", "/desk/people")] = SignedInPage,
        [("POST", "/desk/people")] = SignedInPage,
        [("GET", "/desk/enrollments")] = SignedInPage,
        [("POST", "/desk/enrollments")] = SignedInPage,
        [("GET", "/desk/enrollments/{EnrollmentId:guid}")] = SignedInPage,
        [("POST", "/desk/enrollments/{EnrollmentId:guid}")] = SignedInPage,
        [("GET", "/desk/cities")] = SignedInPage,
        [("POST", "/desk/cities")] = SignedInPage,
        [("GET", "/desk/verifiers")] = SignedInPage,
        [("POST", "/desk/verifiers")] = SignedInPage,
        [("GET", "/desk/target-sets")] = SignedInPage,
        [("POST", "/desk/target-sets")] = SignedInPage,
        [("GET", "/desk/heat-map")] = SignedInPage,
        [("POST", "/desk/heat-map")] = SignedInPage,
        [("GET", "/desk/pairing")] = SignedInPage,
        [("POST", "/desk/pairing")] = SignedInPage,
        [("GET", "/desk/thin-kpis")] = SignedInPage,
        [("POST", "/desk/thin-kpis")] = SignedInPage,
        [("GET", "/desk/verification")] = SignedInPage,
        [("POST", "/desk/verification")] = SignedInPage,
        // GET is the verdict form; POST is the form's submission (an endpoint of its own, answering with the filled sheet).
        [("GET", "/desk/verification/snapshots/{snapshotId:guid}")] = SignedInPage,
        [("POST", "/desk/verification/snapshots/{snapshotId:guid}")] = SignedInPage,
        [("GET", "/desk/verification/snapshots/{snapshotId:guid}/questions")] = SignedInPage,
        [("POST", "/desk/verification/snapshots/{snapshotId:guid}/questions")] = SignedInPage,
        [("GET", "/desk/city")] = SignedInPage,
        [("POST", "/desk/city")] = SignedInPage,
    };

    /// <summary>A page for a signed-in person's role: no bearer token opens it; the answer is the way to the sign-in page.</summary>
    private const string SignedInPage = "page:signed-in";

    private enum Caller
    {
        Anonymous,
        Node,
        Member,
        Coordinator,
        Verifier,
    }

    public async ValueTask InitializeAsync()
    {
        await _hub.RegisterAsync(_trondheim);
        using (var node = _hub.CreateClient())
        using (var published = await Ingestion.SnapshotDoor.PostAsync(node, _trondheim.Keys.CreateSigner().Sign(_trondheim.Snapshot().ForPeriod(2020).Build())))
        {
            Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        }

        _clients[Caller.Anonymous] = _hub.CreateClient();
        _clients[Caller.Node] = await _hub.CreateClientAsync(await _hub.AddNodeClientAsync(_trondheim.CityId, [Scopes.Publish]), Scopes.Publish);
        _clients[Caller.Member] = await _hub.CreateMemberClientAsync();
        _clients[Caller.Coordinator] = await _hub.CreateClientAsync(await _hub.AddCoordinatorClientAsync("matrix"), $"{Scopes.Coordinate} {Scopes.Read}");
        // The verifier is assigned to the city whose routes the matrix calls: an unassigned one is refused by the
        // endpoints' own rule (403), which is not what this matrix is about. It is not the verifier the routes name
        // ({verifierId}), whose assignment the coordinator's DELETE ends on the way.
        using var verifierKeys = CityKeyPair.Generate();
        _clients[Caller.Verifier] = await _hub.CreateClientAsync(
            await _hub.AddAssignedVerifierAsync("matrix-verifier", verifierKeys, _trondheim.CityId), Scopes.Verify);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _trondheim.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public void Every_endpoint_the_hub_maps_outside_the_odata_feed_is_in_the_matrix()
    {
        var mapped = _hub.Services.GetRequiredService<IEnumerable<EndpointDataSource>>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !raw.StartsWith("odata", StringComparison.Ordinal) && !raw.StartsWith("/odata", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => (method, Normalise(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();

        var unclassified = mapped.Where(m => !Matrix.ContainsKey(m)).ToList();

        Assert.True(unclassified.Count == 0, "Endpoints without an access decision in the matrix: " + string.Join(", ", unclassified));
    }

    [Fact]
    public async Task Each_caller_reaches_exactly_the_endpoints_its_scopes_allow()
    {
        var wrong = new List<string>();
        foreach (var ((method, pattern), scope) in Matrix)
        {
            foreach (var (caller, client) in _clients)
            {
                using var response = await AccessRequests.SendAsync(client, method, Concrete(pattern));
                if (scope == SignedInPage)
                {
                    // The clients follow redirects: whoever the token says they are, they end on the sign-in page.
                    if (response.RequestMessage?.RequestUri?.AbsolutePath != "/sign-in")
                    {
                        wrong.Add($"{caller} {method} {pattern}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri} but the sign-in page expected");
                    }

                    continue;
                }

                var allowed = scope is null || Has(caller, scope);
                var denied = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
                var expectedDenial = caller == Caller.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                if (allowed == denied || (!allowed && response.StatusCode != expectedDenial))
                {
                    wrong.Add($"{caller} {method} {pattern}: {(int)response.StatusCode} but {(allowed ? "allowed" : $"{(int)expectedDenial} expected")}");
                }
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task GraphQL_field_groups_open_to_everyone_answer_everyone_and_the_pairing_only_a_coordinator()
    {
        const string open = """{ catalogue { dimensions { code } } cities { id } periods compare(cities: ["NO-5001"], period: 2020) { period } learnFrom(city: "NO-5001", kpi: "EC-ICT-ICT-1C") { cityId } network { period thinlyReported { kpiCode } } }""";
        const string pairing = "{ network(period: 2020) { pairing { totalMutual } } }";
        foreach (var (caller, client) in _clients)
        {
            (await GraphQLAnswer.PostAsync(client, open)).Ok();

            var answer = await GraphQLAnswer.PostAsync(client, pairing);
            if (caller == Caller.Coordinator)
            {
                answer.Ok();
            }
            else
            {
                var error = Assert.Single(answer.Errors);
                Assert.Equal("FORBIDDEN", error.At("extensions.code").GetString());
            }
        }
    }

    // An endpoint several kinds of caller may reach, each with its own scope: "a|b" allows a caller with a or b.
    private static string AnyOf(params string[] scopes) => string.Join('|', scopes);

    private static bool Has(Caller caller, string scope) =>
        scope.Split('|').Any(alternative => HasOne(caller, alternative));

    private static bool HasOne(Caller caller, string scope) => caller switch
    {
        Caller.Node => scope == Scopes.Publish,
        Caller.Member => scope == Scopes.Read,
        Caller.Coordinator => scope is Scopes.Coordinate or Scopes.Read,
        Caller.Verifier => scope == Scopes.Verify,
        _ => false,
    };

    // Route patterns as the endpoint table writes them, with a leading slash.
    private static string Normalise(string raw)
    {
        var path = raw.StartsWith('/') ? raw : "/" + raw;
        return path.Length > 1 ? path.TrimEnd('/') : path;
    }

    private static string Concrete(string pattern) => pattern
        .Replace("{snapshotId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{enrollmentId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{EnrollmentId:guid}", Guid.Empty.ToString(), StringComparison.Ordinal)
        .Replace("{Token}", "no-such-invitation", StringComparison.Ordinal)
        .Replace("{cityId}", "NO-5001", StringComparison.Ordinal)
        .Replace("{verifierId}", "demo-verifier", StringComparison.Ordinal)
        .Replace("{keyId}", "no-such-key", StringComparison.Ordinal)
        .Replace("{code}", "EC-ICT-ICT-1C", StringComparison.Ordinal)
        .Replace("{period}", "2020", StringComparison.Ordinal);
}
