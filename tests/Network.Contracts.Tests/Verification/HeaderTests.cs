using System.Text.Json.Nodes;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

public sealed class HeaderTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Theory]
    [InlineData("crit")]
    [InlineData("jku")]
    [InlineData("x5u")]
    [InlineData("x5c")]
    [InlineData("cty")]
    [InlineData("b64")]
    [InlineData("zip")]
    public async Task Rejects_a_header_parameter_it_does_not_allow(string name)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h[name] = name == "crit" ? new JsonArray("exp") : "x").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedHeader, $"header.{name}");
    }

    [Fact]
    public async Task Rejects_a_key_carried_in_the_header_even_the_citys_own()
    {
        var ownKey = JsonNode.Parse(_network.Trondheim.Keys.PublicJwk.ToJson());
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["jwk"] = ownKey).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedHeader, "header.jwk");
    }

    [Fact]
    public async Task Rejects_crit_naming_a_parameter_it_does_not_understand()
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditHeader(h => { h["crit"] = new JsonArray("exp"); h["exp"] = 1; })
            .Sign();

        Refusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.UnsupportedHeader, "header.crit"),
            (RejectionReason.UnsupportedHeader, "header.exp"));
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData(SnapshotFormat.AttestationTokenType)]
    [InlineData("U4SSC-SNAPSHOT+JWS")]
    [InlineData("")]
    public async Task Rejects_a_token_type_other_than_a_KPI_snapshot(string typ)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["typ"] = typ).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongTokenType, "header.typ");
    }

    [Fact]
    public async Task Rejects_a_header_without_typ()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h.Remove("typ")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongTokenType, "header.typ");
    }

    [Fact]
    public async Task Rejects_a_header_that_is_not_a_JSON_object()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var header = new JsonArray(builder.Header["alg"]!.DeepClone(), builder.Header["kid"]!.DeepClone()).ToJsonString();

        var jws = RawJws.SignEs256(header, builder.PayloadJson(), _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.WrongFieldType, "header");
    }

    [Fact]
    public async Task Accepts_the_header_parameters_in_any_order()
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditHeader(h =>
            {
                var alg = h["alg"]!.GetValue<string>();
                h.Remove("alg");
                h["alg"] = alg;
            })
            .Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    public void Dispose() => _network.Dispose();
}
