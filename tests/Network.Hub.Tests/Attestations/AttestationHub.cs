using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Attestations;

/// <summary>
/// A hub of its own with Trondheim and Bergen registered, a final Trondheim snapshot stored, the Nordic verifier assigned
/// to Trondheim and another verifier assigned to Bergen; attestations go through <c>POST /api/attestations</c> with the
/// verifier's token, as a verifier's tool sends them.
/// </summary>
internal sealed class AttestationHub : IAsyncDisposable
{
    private readonly Dictionary<string, HttpClient> _verifierClients = [];

    private AttestationHub()
    {
    }

    public HubFactory Hub { get; } = new();

    public TestCity Trondheim { get; } = TestCity.Trondheim();

    public TestCity Bergen { get; } = TestCity.Bergen();

    public TestVerifier Nordic { get; } = TestVerifier.Nordic();

    public TestVerifier Other { get; } = TestVerifier.Other();

    public Snapshot Snapshot { get; private set; } = null!;

    public string SnapshotJws { get; private set; } = null!;

    public static async Task<AttestationHub> StartAsync()
    {
        var hub = new AttestationHub();
        await hub.Hub.RegisterAsync(hub.Trondheim);
        await hub.Hub.RegisterAsync(hub.Bergen);
        await hub.Hub.RegisterVerifierAsync(hub.Nordic, hub.Trondheim.CityId);
        await hub.Hub.RegisterVerifierAsync(hub.Other, hub.Bergen.CityId);
        (hub.Snapshot, hub.SnapshotJws) = await hub.PublishAsync(hub.Trondheim.Snapshot());
        return hub;
    }

    /// <summary>Stores a snapshot through the hub's pipeline and returns it with its JWS.</summary>
    public async Task<(Snapshot Snapshot, string Jws)> PublishAsync(SnapshotBuilder builder)
    {
        var snapshot = builder.Build();
        var jws = Trondheim.Keys.CreateSigner().Sign(snapshot);
        var outcome = await Hub.IngestAsync(jws, TestContext.Current.CancellationToken);
        Assert.True(outcome.Accepted is not null, $"The snapshot was refused: {string.Join("; ", outcome.Rejected?.Reasons ?? [])}");
        return (snapshot, jws);
    }

    /// <summary>An attestation of the stored Trondheim snapshot by the Nordic verifier, every value verified.</summary>
    public AttestationBuilder Attestation() => Nordic.Attest(Snapshot, SnapshotJws);

    /// <summary>POSTs <paramref name="jws"/> with <paramref name="asVerifier"/>'s token (default: the Nordic verifier).</summary>
    public async Task<HttpResponseMessage> PostAsync(string jws, string? asVerifier = null)
    {
        var verifierId = asVerifier ?? Nordic.VerifierId;
        if (!_verifierClients.TryGetValue(verifierId, out var client))
        {
            client = await Hub.CreateVerifierClientAsync(verifierId);
            _verifierClients[verifierId] = client;
        }

        return await PostAsync(client, jws);
    }

    /// <summary>POSTs <paramref name="jws"/> as application/jose with whatever token <paramref name="client"/> carries.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/jose");
        return await client.PostAsync(new Uri("/api/attestations", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>Asserts 202 and returns the receipt.</summary>
    public static async Task<JsonElement> AcceptedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>
    /// Posts <paramref name="jws"/> and asserts the refusal: <paramref name="status"/>, exactly <paramref name="expected"/>
    /// (reason and field) in <c>errors</c>, no attestation or verdict stored, and the error record kept.
    /// </summary>
    public Task<JsonElement> AssertRefusedAsync(string jws, HttpStatusCode status, params (string Reason, string Field)[] expected) =>
        AssertRefusedAsAsync(Nordic.VerifierId, jws, status, expected);

    /// <summary><see cref="AssertRefusedAsync"/> with <paramref name="verifierId"/>'s token.</summary>
    public async Task<JsonElement> AssertRefusedAsAsync(string verifierId, string jws, HttpStatusCode status, params (string Reason, string Field)[] expected)
    {
        var attestationsBefore = await CountAsync();
        var rejectedBefore = await Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken));
        using var response = await PostAsync(jws, verifierId);
        var problem = await Problems.AssertProblemAsync(response, status);
        var actual = problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("reason").GetString()!, e.GetProperty("field").GetString()!))
            .Order().ToArray();
        Assert.Equal(expected.Order().ToArray(), actual);
        Assert.All(problem.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("message").GetString())));
        Assert.Equal(attestationsBefore, await CountAsync());
        Assert.Equal(rejectedBefore + 1, await Hub.QueryAsync(db => db.RejectedSubmissions.CountAsync(TestContext.Current.CancellationToken)));
        return problem;
    }

    /// <summary>How many attestation and verdict rows are stored.</summary>
    public Task<(int Attestations, int Verdicts)> CountAsync() =>
        Hub.QueryAsync(async db => (
            await db.Attestations.CountAsync(TestContext.Current.CancellationToken),
            await db.Verdicts.CountAsync(TestContext.Current.CancellationToken)));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _verifierClients.Values)
        {
            client.Dispose();
        }

        await Hub.DisposeAsync();
        Trondheim.Dispose();
        Bergen.Dispose();
        Nordic.Dispose();
        Other.Dispose();
    }
}
