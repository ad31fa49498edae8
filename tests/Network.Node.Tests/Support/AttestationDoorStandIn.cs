using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Network.Contracts.Signing;

namespace Network.Node.Tests.Support;

/// <summary>
/// Passes every request to the real hub except <c>POST /api/attestations</c>, which it answers as the wire spec
/// documents the hub's attestation door (202 with the AttestationAccepted record, or 400 problem+json with
/// <c>errors[]</c> of reason, code, field, message), after checking the JWS's ES256 signature with the verifier's public
/// key. The door itself is built beside this work (issue 13); once it is in the hub, tests can drop the stand-in.
/// </summary>
public sealed class AttestationDoorStandIn(HttpMessageHandler hub, EcPublicJwk verifierKey) : DelegatingHandler(hub)
{
    /// <summary>The payloads of the attestations received, whose signature verified.</summary>
    public List<JsonElement> Received { get; } = [];

    /// <summary>When set, the door refuses with this one error (field and message).</summary>
    public (string Field, string Message)? Refusal { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri?.AbsolutePath != "/api/attestations")
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Assert.Equal("application/jose", request.Content?.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer ", request.Headers.Authorization?.ToString(), StringComparison.Ordinal);
        var jws = await request.Content!.ReadAsStringAsync(cancellationToken);
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        using (var key = verifierKey.ToECDsa())
        {
            Assert.True(
                key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                "the attestation's signature does not verify with the verifier's key");
        }

        var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0])).RootElement;
        Assert.Equal("u4ssc-attestation+jws", header.GetProperty("typ").GetString());
        var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1])).RootElement.Clone();

        if (Refusal is { } refusal)
        {
            var problem = new
            {
                type = "https://u4ssc.network/problems/attestation-rejected", title = "Not a valid attestation", status = 400,
                errors = new[] { new { reason = "VerdictForUnknownValue", code = 84, field = refusal.Field, message = refusal.Message } },
            };
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent(JsonSerializer.Serialize(problem), Encoding.UTF8, "application/problem+json") };
        }

        Received.Add(payload);
        var accepted = new
        {
            attestationId = payload.GetProperty("attestationId").GetString(), verifierId = payload.GetProperty("verifierId").GetString(),
            snapshotId = payload.GetProperty("snapshotId").GetString(), cityId = payload.GetProperty("cityId").GetString(), period = payload.GetProperty("period").GetInt32(),
            digest = "stand-in", receivedAt = DateTimeOffset.UtcNow, duplicate = false,
        };
        return new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent(JsonSerializer.Serialize(accepted), Encoding.UTF8, "application/json") };
    }
}
