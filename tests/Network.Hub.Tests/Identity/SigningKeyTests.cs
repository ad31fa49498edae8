using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Network.Hub.Hosting;
using Network.Hub.Identity;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Identity;

/// <summary>
/// Where the token keys come from: certificate files in production (tokens outlive the process and are valid on every
/// hub configured with the same files), development keys only where the embedded default, Development or Testing run.
/// </summary>
public sealed class SigningKeyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("network-keys-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_token_signed_with_the_configured_certificate_is_valid_on_the_next_hub_with_the_same_certificate()
    {
        var settings = CertificateSettings();
        using var trondheim = TestCity.Trondheim();
        await using var before = new HubFactory(settings);
        using var client = Https(before);
        await before.RegisterAsync(trondheim);
        var token = await TestTokens.RequestAsync(client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct);

        // Another hub process (restarted, or another instance behind the load balancer) on the same database (the
        // client, as its tokens were issued) with the same certificate files.
        await using var after = new HubFactory(new Dictionary<string, string?>(settings) { ["Network:Storage:ConnectionString"] = before.ConnectionString });
        using var restarted = Https(after).WithToken(token);
        using var content = new StringContent(trondheim.Snapshot().Sign(), Encoding.ASCII, "application/jose");

        using var response = await restarted.PostAsync("/api/snapshots", content, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_token_of_a_hub_with_other_keys_is_refused()
    {
        using var trondheim = TestCity.Trondheim();
        await using var development = new HubFactory();
        await development.RegisterAsync(trondheim);
        using var client = development.CreateClient();
        var token = await TestTokens.RequestAsync(client, "node-NO-5001", TestTokens.NodeSecret("NO-5001"), ct: Ct);
        await using var production = new HubFactory(CertificateSettings());
        await production.RegisterAsync(trondheim);
        using var other = Https(production).WithToken(token);
        using var content = new StringContent(trondheim.Snapshot().Sign(), Encoding.ASCII, "application/jose");

        using var response = await other.PostAsync("/api/snapshots", content, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public void A_production_hub_without_certificates_refuses_to_start_naming_the_settings()
    {
        var production = ProductionHub.Builder(new Dictionary<string, string?> { ["Network:Bus:Transport"] = "RabbitMq" });

        var failure = Assert.Throws<StartupFailureException>(() => production.AddIdentity());

        var message = failure.Message;
        Assert.Contains("Network:Identity:SigningCertificate:Path", message, StringComparison.Ordinal);
        Assert.Contains("Network:Identity:DevelopmentKeys", message, StringComparison.Ordinal);
    }

    // With certificates (production), the token endpoint refuses plain HTTP.
    private static HttpClient Https(HubFactory hub) => hub.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

    private Dictionary<string, string?> CertificateSettings() => new()
    {
        ["Network:Identity:SigningCertificate:Path"] = Certificate("signing.pfx", X509KeyUsageFlags.DigitalSignature),
        ["Network:Identity:SigningCertificate:Password"] = "signing-password",
        ["Network:Identity:EncryptionCertificate:Path"] = Certificate("encryption.pfx", X509KeyUsageFlags.KeyEncipherment),
        ["Network:Identity:EncryptionCertificate:Password"] = "encryption-password",
    };

    // A self-signed RSA certificate with its private key, as a password-protected PFX (what openssl pkcs12 -export writes).
    private string Certificate(string name, X509KeyUsageFlags usage)
    {
        var path = Path.Combine(_directory, name);
        if (File.Exists(path))
        {
            return path;
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Sustainability Network hub", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(usage, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(2));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, name.Replace(".pfx", "-password", StringComparison.Ordinal)));
        return path;
    }
}
