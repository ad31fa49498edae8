using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Network.Contracts.Attestations;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Testing;

/// <summary>
/// A signed snapshot taken apart: the protected header and the payload as editable JSON, signed afterwards
/// with whatever key and algorithm a test names. Starts from the header and payload the product's signer writes, so a
/// test changes only the one thing it is about. JSON that no document model can hold (a <c>NaN</c> literal,
/// a property written twice, text after the object) is written with <see cref="Raw"/>, <see cref="Duplicate"/>
/// and <see cref="AppendToPayload"/>.
/// </summary>
public sealed partial class JwsBuilder
{
    private static int _duplicates;
    private readonly CityKeyPair _keys;
    private string _headerSuffix = "";
    private string _payloadSuffix = "";

    private JwsBuilder(JsonObject header, JsonObject payload, CityKeyPair keys)
    {
        Header = header;
        Payload = payload;
        _keys = keys;
    }

    /// <summary>The protected header: <c>alg</c>, <c>kid</c>, <c>typ</c> as the signer writes them.</summary>
    public JsonObject Header { get; }

    /// <summary>The payload as <see cref="SnapshotJson"/> writes it.</summary>
    public JsonObject Payload { get; }

    /// <summary>
    /// <paramref name="snapshot"/> ready to sign with <paramref name="keys"/>, under their <c>kid</c>.
    /// </summary>
    public static JwsBuilder For(Snapshot snapshot, CityKeyPair keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var header = new JsonObject
        {
            ["alg"] = SnapshotFormat.Algorithm,
            ["kid"] = keys.KeyId,
            ["typ"] = SnapshotFormat.TokenType,
        };
        var payload = JsonNode.Parse(SnapshotJson.Serialize(snapshot))!.AsObject();
        return new JwsBuilder(header, payload, keys);
    }

    /// <summary>
    /// <paramref name="attestation"/> ready to sign with <paramref name="keys"/> (a verifier's, or any other), under their
    /// <c>kid</c>, with the attestation's <c>typ</c>.
    /// </summary>
    public static JwsBuilder ForAttestation(Attestation attestation, CityKeyPair keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var header = new JsonObject
        {
            ["alg"] = SnapshotFormat.Algorithm,
            ["kid"] = keys.KeyId,
            ["typ"] = AttestationFormat.TokenType,
        };
        var payload = JsonNode.Parse(AttestationJson.Serialize(attestation))!.AsObject();
        return new JwsBuilder(header, payload, keys);
    }

    /// <summary>Changes the <paramref name="index"/>th verdict of an attestation payload's <c>verdicts</c>.</summary>
    public JwsBuilder EditVerdict(int index, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit(Payload["verdicts"]![index]!.AsObject());
        return this;
    }

    /// <summary>A JSON node written out as <paramref name="json"/> verbatim, valid JSON or not (<c>NaN</c>, <c>1e400</c>).</summary>
    public static JsonNode Raw(string json) => JsonValue.Create($"@@raw:{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json))}@@");

    /// <summary>
    /// Makes <paramref name="obj"/> name the property <paramref name="name"/> a second time, with <paramref name="value"/>.
    /// The name is written verbatim between the quotes, so it may spell the first name with JSON escapes.
    /// </summary>
    public static void Duplicate(JsonObject obj, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj[$"@@dup{Interlocked.Increment(ref _duplicates)}:{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(name))}@@"] = value;
    }

    /// <summary>Changes the header.</summary>
    public JwsBuilder EditHeader(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit(Header);
        return this;
    }

    /// <summary>Changes the payload.</summary>
    public JwsBuilder EditPayload(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit(Payload);
        return this;
    }

    /// <summary>Changes the <paramref name="index"/>th value of the payload's <c>values</c>.</summary>
    public JwsBuilder EditValue(int index, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit(Payload["values"]![index]!.AsObject());
        return this;
    }

    /// <summary>Writes <paramref name="text"/> after the header's JSON object (trailing garbage).</summary>
    public JwsBuilder AppendToHeader(string text)
    {
        _headerSuffix += text;
        return this;
    }

    /// <summary>Writes <paramref name="text"/> after the payload's JSON object (trailing garbage, or padding whitespace).</summary>
    public JwsBuilder AppendToPayload(string text)
    {
        _payloadSuffix += text;
        return this;
    }

    /// <summary>The header JSON as it will be encoded.</summary>
    public string HeaderJson() => Render(Header, _headerSuffix);

    /// <summary>The payload JSON as it will be encoded.</summary>
    public string PayloadJson() => Render(Payload, _payloadSuffix);

    /// <summary>Signed ES256 with the city's key (whatever the header's <c>alg</c> says).</summary>
    public string Sign() => SignWith(_keys.Key);

    /// <summary>Signed ES256 with <paramref name="key"/> (whatever the header's <c>alg</c> says).</summary>
    public string SignWith(ECDsa key) => RawJws.SignEs256(HeaderJson(), PayloadJson(), key);

    /// <summary>Signed HS256 with <paramref name="secret"/>.</summary>
    public string SignHs256(byte[] secret) => RawJws.SignHs256(HeaderJson(), PayloadJson(), secret);

    /// <summary>Signed RS256 with <paramref name="key"/>.</summary>
    public string SignRs256(RSA key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = SigningInput();
        return input + "." + Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>With <paramref name="signature"/> bytes as the signature, whatever they are.</summary>
    public string WithSignature(ReadOnlySpan<byte> signature) => SigningInput() + "." + Base64Url.EncodeToString(signature);

    /// <summary>With an empty signature part (<c>header.payload.</c>), as <c>alg</c> <c>none</c> is written.</summary>
    public string WithEmptySignature() => SigningInput() + ".";

    private string SigningInput() => RawJws.Encode(HeaderJson()) + "." + RawJws.Encode(PayloadJson());

    private static string Render(JsonObject obj, string suffix)
    {
        var json = obj.ToJsonString();
        json = RawPlaceholder().Replace(json, m => Encoding.UTF8.GetString(Base64Url.DecodeFromChars(m.Groups[1].Value)));
        json = DuplicatePlaceholder().Replace(json, m => $"\"{Encoding.UTF8.GetString(Base64Url.DecodeFromChars(m.Groups[1].Value))}\"");
        return json + suffix;
    }

    [GeneratedRegex("\"@@raw:([A-Za-z0-9_-]*)@@\"")]
    private static partial Regex RawPlaceholder();

    [GeneratedRegex("\"@@dup[0-9]+:([A-Za-z0-9_-]*)@@\"")]
    private static partial Regex DuplicatePlaceholder();
}
