using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;
using Network.ValueFiles;

namespace Network.Hub.Tests.Verification;

/// <summary>
/// A hub where verifiers work: Trondheim's preliminary 2020 snapshot (embargoed, with a note and a data point) and
/// Bergen's final one; <c>demo-verifier</c> and <c>second-verifier</c> assigned to Trondheim, <c>bergen-verifier</c>
/// to Bergen only, and <c>former-verifier</c> whose assignment to Trondheim has ended. One hub per test class.
/// </summary>
public sealed class VerificationNetwork : IAsyncLifetime
{
    /// <summary>The verifier assigned to Trondheim.</summary>
    public const string Verifier = "demo-verifier";

    /// <summary>A second verifier assigned to Trondheim.</summary>
    public const string SecondVerifier = "second-verifier";

    /// <summary>A verifier assigned to Bergen only.</summary>
    public const string BergenVerifier = "bergen-verifier";

    /// <summary>A verifier whose assignment to Trondheim has ended.</summary>
    public const string FormerVerifier = "former-verifier";

    private readonly TestCity _trondheim = TestCity.Trondheim();
    private readonly TestCity _bergen = TestCity.Bergen();
    private readonly List<CityKeyPair> _verifierKeys = [];
    private readonly List<HttpClient> _clients = [];

    /// <summary>The hub.</summary>
    public HubFactory Hub { get; } = new();

    /// <summary>Trondheim's preliminary 2020 snapshot, as the verifier's sheet judges it.</summary>
    public JudgedSnapshot Trondheim { get; private set; } = null!;

    /// <summary>Bergen's final 2020 snapshot.</summary>
    public JudgedSnapshot Bergen { get; private set; } = null!;

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        await Hub.RegisterAsync(_trondheim);
        await Hub.RegisterAsync(_bergen);
        Trondheim = await PublishAsync(_trondheim.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary)
            .AddValue(new KpiValue("EC-ICT-ICT-4C", "4G", 99.8, "%", DataQuality.Measured, "Telenor", "coverage map", "a note for the network only")));
        Bergen = await PublishAsync(_bergen.Snapshot().ForPeriod(2020));

        foreach (var (verifier, cities) in new[] { (Verifier, _trondheim.CityId), (SecondVerifier, _trondheim.CityId), (BergenVerifier, _bergen.CityId), (FormerVerifier, _trondheim.CityId) })
        {
            var keys = CityKeyPair.Generate();
            _verifierKeys.Add(keys);
            await Hub.AddAssignedVerifierAsync(verifier, keys, cities);
        }

        await Hub.EndAssignmentAsync(FormerVerifier, _trondheim.CityId);
    }

    /// <summary>A client with a token of <paramref name="verifierId"/>'s own client.</summary>
    public Task<HttpClient> VerifierAsync(string verifierId = Verifier) =>
        Keep(async () =>
        {
            var client = Hub.CreateClient();
            return client.WithToken(await TestTokens.RequestAsync(client, $"verifier-{verifierId}", AssignedVerifiers.Secret(verifierId)));
        });

    /// <summary>A client with a token of <paramref name="cityId"/>'s node (publish and read).</summary>
    public Task<HttpClient> NodeAsync(string cityId) => Keep(() => Hub.CreateNodeClientAsync(cityId));

    /// <summary>A client reading as a member city (network:read only).</summary>
    public Task<HttpClient> MemberAsync() => Keep(() => Hub.CreateMemberClientAsync());

    /// <summary>A network coordinator's client.</summary>
    public Task<HttpClient> CoordinatorAsync() =>
        Keep(async () => await Hub.CreateClientAsync(await Hub.AddCoordinatorClientAsync("coordinator-" + Guid.NewGuid().ToString("N")[..6])));

    /// <summary>A client with <c>snapshots:verify</c> that belongs to no verifier (a coordinator's API client given the scope).</summary>
    public Task<HttpClient> VerifyScopeWithoutVerifierAsync() =>
        Keep(async () => await Hub.CreateClientAsync(await Hub.AddCoordinatorClientAsync("scoped-" + Guid.NewGuid().ToString("N")[..6], [Scopes.Verify])));

    /// <summary>A client without a token.</summary>
    public HttpClient Anonymous() => Keep(Hub.CreateClient());

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Hub.DisposeAsync();
        foreach (var keys in _verifierKeys)
        {
            keys.Dispose();
        }

        _trondheim.Dispose();
        _bergen.Dispose();
    }

    private async Task<JudgedSnapshot> PublishAsync(SnapshotBuilder builder)
    {
        var snapshot = builder.Build();
        var jws = builder.Sign();
        var outcome = await Hub.IngestAsync(jws);
        Assert.NotNull(outcome.Accepted);
        return JudgedSnapshot.Of(snapshot, SnapshotFormat.Digest(jws));
    }

    private async Task<HttpClient> Keep(Func<Task<HttpClient>> create) => Keep(await create());

    private HttpClient Keep(HttpClient client)
    {
        _clients.Add(client);
        return client;
    }
}
