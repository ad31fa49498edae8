using System.Net;
using System.Text;
using System.Text.Json;
using Network.Contracts.Enrollment;
using Network.Contracts.Signing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Verifiers;

/// <summary>A verifier with a freshly generated key, joining a hub under test the way a real one does: through enrollment.</summary>
internal sealed class TestVerifier(string verifierId = "demo-verifier", string organisation = "Demo Verifier (not an accredited U4SSC verifier)") : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The verifier id.</summary>
    public string VerifierId { get; } = verifierId;

    /// <summary>The organisation's name.</summary>
    public string Organisation { get; } = organisation;

    /// <summary>The verifier's key pair.</summary>
    public CityKeyPair Keys { get; } = CityKeyPair.Generate();

    /// <summary>The client secret the approval handed out, once <see cref="EnrollAsync"/> ran.</summary>
    public string? ClientSecret { get; private set; }

    /// <summary>The client id the hub gives the verifier.</summary>
    public string ClientId => "verifier-" + VerifierId;

    /// <summary>The signed enrollment request, as the verifier would write it.</summary>
    public string EnrollmentRequest(CityKeyPair? key = null)
    {
        key ??= Keys;
        return new VerifierEnrollmentRequest(VerifierId, Organisation, key.PublicJwk, "verification@example.org", DateTimeOffset.UtcNow).Sign(key.Key);
    }

    /// <summary>POSTs a signed enrollment request (anonymous).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient anonymous, string jws)
    {
        using var content = new StringContent(jws, Encoding.ASCII, "application/jose");
        return await anonymous.PostAsync("/api/enrollments", content, Ct);
    }

    /// <summary>Enrolls through HTTP and has <paramref name="coordinator"/> approve it; returns the approval.</summary>
    public async Task<JsonElement> EnrollAsync(HubFactory hub, HttpClient coordinator)
    {
        using var anonymous = hub.CreateClient();
        using var submitted = await SubmitAsync(anonymous, EnrollmentRequest());
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var id = (await JsonAsync(submitted)).GetProperty("enrollmentId").GetGuid();
        using var approved = await coordinator.PostAsync($"/api/enrollments/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var approval = await JsonAsync(approved);
        ClientSecret = approval.GetProperty("clientSecret").GetString();
        return approval;
    }

    /// <summary>An HTTP client sending the verifier's access token (client credentials at the token endpoint).</summary>
    public async Task<HttpClient> CreateClientAsync(HubFactory hub)
    {
        var client = hub.CreateClient();
        return client.WithToken(await TestTokens.RequestAsync(client, ClientId, ClientSecret ?? throw new InvalidOperationException("Enroll the verifier first."), ct: Ct));
    }

    /// <summary>The body of a response as JSON.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();

    /// <inheritdoc/>
    public void Dispose() => Keys.Dispose();
}
