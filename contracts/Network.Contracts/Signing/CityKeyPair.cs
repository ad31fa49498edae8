using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace Network.Contracts.Signing;

/// <summary>
/// A city's signing key: a P-256 private key and its id. Created by a node, stored by the node only, as a
/// private JWK; its public half goes to the network coordinator.
/// </summary>
public sealed class CityKeyPair : IDisposable
{
    private CityKeyPair(ECDsa key, string keyId)
    {
        Key = key;
        KeyId = keyId;
        PublicJwk = EcPublicJwk.FromKey(key);
    }

    /// <summary>The private key.</summary>
    public ECDsa Key { get; }

    /// <summary>The key id (by default the RFC 7638 thumbprint of the public key).</summary>
    public string KeyId { get; }

    /// <summary>The public half, to register with the hub.</summary>
    public EcPublicJwk PublicJwk { get; }

    /// <summary>A new random P-256 key whose id is its JWK thumbprint unless <paramref name="keyId"/> is given.</summary>
    public static CityKeyPair Generate(string? keyId = null)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new CityKeyPair(key, keyId ?? EcPublicJwk.FromKey(key).Thumbprint());
    }

    /// <summary>Reads a private JWK written by <see cref="ToPrivateJwk"/>.</summary>
    /// <exception cref="FormatException">The text is not a private EC P-256 JWK with a <c>kid</c> whose
    /// <c>d</c> belongs to its <c>x</c> and <c>y</c>.</exception>
    public static CityKeyPair FromPrivateJwk(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("The private key file does not hold a JSON object.");
            }

            string Req(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()!
                : throw new FormatException($"The private key file has no '{name}' string.");

            if (Req("kty") != "EC" || Req("crv") != "P-256")
            {
                throw new FormatException("The private key file does not hold an EC P-256 key.");
            }

            var keyId = Req("kid");
            var key = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                D = Base64Url.DecodeFromChars(Req("d")),
                Q = new ECPoint { X = Base64Url.DecodeFromChars(Req("x")), Y = Base64Url.DecodeFromChars(Req("y")) },
            });
            return new CityKeyPair(key, keyId);
        }
        catch (Exception e) when (e is JsonException or CryptographicException)
        {
            // Not JSON, or a d that is not the private half of (x, y): either way the file cannot sign.
            throw new FormatException($"The private key file is not a usable P-256 key: {e.Message}", e);
        }
    }

    /// <summary>The private key as a JWK with <c>kid</c>. Secret: store it readable by the owner only.</summary>
    public string ToPrivateJwk()
    {
        var p = Key.ExportParameters(includePrivateParameters: true);
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["kid"] = KeyId,
            ["x"] = Base64Url.EncodeToString(p.Q.X),
            ["y"] = Base64Url.EncodeToString(p.Q.Y),
            ["d"] = Base64Url.EncodeToString(p.D),
        });
    }

    /// <summary>A signer that signs with this key under <see cref="KeyId"/>.</summary>
    public SnapshotSigner CreateSigner() => new(Key, KeyId);

    /// <inheritdoc/>
    public void Dispose() => Key.Dispose();
}
