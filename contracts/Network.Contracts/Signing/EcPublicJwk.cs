using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Network.Contracts.Signing;

/// <summary>
/// A city's public key as a JSON Web Key (RFC 7517): <c>kty</c> EC, <c>crv</c> P-256, and the point's
/// <c>x</c> and <c>y</c> (32 bytes each, base64url). The hub's key registry stores these.
/// </summary>
public sealed record EcPublicJwk
{
    private EcPublicJwk(byte[] x, byte[] y)
    {
        X = x;
        Y = y;
    }

    /// <summary>The x coordinate, 32 bytes.</summary>
    public IReadOnlyList<byte> X { get; }

    /// <summary>The y coordinate, 32 bytes.</summary>
    public IReadOnlyList<byte> Y { get; }

    /// <summary>The public half of a P-256 key.</summary>
    public static EcPublicJwk FromKey(ECDsa key)
    {
        var p = key.ExportParameters(includePrivateParameters: false);
        if (p.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new ArgumentException("City keys are P-256 keys (ES256).", nameof(key));
        }

        return new EcPublicJwk(p.Q.X!, p.Q.Y!);
    }

    /// <summary>
    /// Parses a public JWK. Refuses anything but an EC P-256 public key, and refuses a JWK that carries the
    /// private scalar <c>d</c>: a private key handed to the registry has leaked and must be replaced.
    /// </summary>
    public static bool TryParse(string json, out EcPublicJwk? jwk, out string? error)
    {
        jwk = null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = "a JWK is a JSON object";
                return false;
            }

            string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

            if (Str("kty") != "EC" || Str("crv") != "P-256")
            {
                error = "the key must be an EC key on curve P-256 (kty \"EC\", crv \"P-256\")";
                return false;
            }

            if (root.TryGetProperty("d", out _))
            {
                error = "this JWK contains the private key ('d'); register only the public key, and treat this key as leaked";
                return false;
            }

            if (!TryCoordinate(Str("x"), out var x) || !TryCoordinate(Str("y"), out var y))
            {
                error = "'x' and 'y' must each be 32 bytes of base64url";
                return false;
            }

            var candidate = new EcPublicJwk(x, y);
            using (candidate.ToECDsa())
            {
                // Importing validates that the point lies on the curve.
            }
            jwk = candidate;
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = $"not valid JSON: {e.Message}";
            return false;
        }
        catch (CryptographicException)
        {
            error = "the point (x, y) is not on curve P-256";
            return false;
        }
    }

    /// <summary>Parses a public JWK or throws <see cref="FormatException"/> saying why not.</summary>
    public static EcPublicJwk Parse(string json) =>
        TryParse(json, out var jwk, out var error) ? jwk! : throw new FormatException($"Not a usable city key: {error}.");

    /// <summary>An ECDsa instance holding this public key, for verification. The caller disposes it.</summary>
    public ECDsa ToECDsa() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = [.. X], Y = [.. Y] },
    });

    /// <summary>The JWK Thumbprint (RFC 7638, SHA-256, base64url): the default key id a node gives a new key.</summary>
    public string Thumbprint() =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $$"""{"crv":"P-256","kty":"EC","x":"{{Base64Url.EncodeToString([.. X])}}","y":"{{Base64Url.EncodeToString([.. Y])}}"}""")));

    /// <summary>The JWK as JSON, optionally with a <c>kid</c>.</summary>
    public string ToJson(string? keyId = null) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64Url.EncodeToString([.. X]),
            ["y"] = Base64Url.EncodeToString([.. Y]),
        }.Concat(keyId is null ? [] : [new KeyValuePair<string, string>("kid", keyId)]).ToDictionary());

    /// <inheritdoc/>
    public bool Equals(EcPublicJwk? other) => other is not null && X.SequenceEqual(other.X) && Y.SequenceEqual(other.Y);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(X[0], X[31], Y[0], Y[31]);

    private static bool TryCoordinate(string? text, out byte[] bytes)
    {
        bytes = [];
        // Base64Url.IsValid forgives padding and whitespace; a key is written without either.
        if (text is null || text.Contains('=') || text.Any(char.IsWhiteSpace) || !Base64Url.IsValid(text, out var length) || length != 32)
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }
}
