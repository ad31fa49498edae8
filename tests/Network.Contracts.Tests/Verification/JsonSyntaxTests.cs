using System.Buffers.Text;
using System.Text;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

public sealed class JsonSyntaxTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("01")]
    [InlineData(".5")]
    [InlineData("+1")]
    [InlineData("'1'")]
    [InlineData("undefined")]
    public async Task Rejects_a_value_that_is_not_JSON_naming_its_path(string literal)
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["value"] = JwsBuilder.Raw(literal)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[1].value");
    }

    [Fact]
    public async Task Rejects_garbage_after_the_payload_object()
    {
        var jws = _network.Trondheim.Snapshot().Jws().AppendToPayload(" garbage").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$");
    }

    [Fact]
    public async Task Rejects_a_second_JSON_object_after_the_payload()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var jws = builder.AppendToPayload(builder.PayloadJson()).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$");
    }

    [Fact]
    public async Task Rejects_a_payload_cut_short()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var json = builder.PayloadJson();
        var cut = json[..json.IndexOf("\"unit\"", StringComparison.Ordinal)];

        var jws = RawJws.SignParts(RawJws.Encode(builder.HeaderJson()), RawJws.Encode(cut), _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[0]");
    }

    [Fact]
    public async Task Rejects_a_missing_comma_naming_the_object()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var json = builder.PayloadJson().Replace(",\"unit\"", " \"unit\"", StringComparison.Ordinal);

        var jws = RawJws.SignParts(RawJws.Encode(builder.HeaderJson()), RawJws.Encode(json), _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[0]");
    }

    [Fact]
    public async Task Rejects_a_payload_starting_with_a_byte_order_mark()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(builder.PayloadJson())];

        var jws = RawJws.SignParts(RawJws.Encode(builder.HeaderJson()), Base64Url.EncodeToString(bytes), _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$");
    }

    [Fact]
    public async Task Rejects_an_unpaired_surrogate_escape()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(2, v => v["note"] = JwsBuilder.Raw("\"\\ud800\"")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[2].note");
    }

    [Fact]
    public async Task Rejects_a_member_name_that_is_not_UTF8()
    {
        var builder = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["n@te"] = "x");
        var bytes = Encoding.UTF8.GetBytes(builder.PayloadJson());
        bytes[bytes.AsSpan().IndexOf("n@te"u8) + 1] = 0xFF;

        var jws = RawJws.SignParts(RawJws.Encode(builder.HeaderJson()), Base64Url.EncodeToString(bytes), _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[1]");
    }

    [Fact]
    public async Task Rejects_a_payload_that_is_not_UTF8()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var bytes = Encoding.UTF8.GetBytes(builder.PayloadJson());
        bytes[bytes.AsSpan().IndexOf("Trondheim kommune"u8)] = 0xFF;

        var jws = RawJws.SignParts(RawJws.Encode(builder.HeaderJson()), Base64Url.EncodeToString(bytes), _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[0].origin");
    }

    [Fact]
    public async Task Rejects_a_payload_nested_too_deep()
    {
        var jws = _network.Trondheim.Snapshot().Jws()
            .EditPayload(p => p["deep"] = JwsBuilder.Raw(new string('[', 20) + new string(']', 20)))
            .Sign();

        // The root object and 15 arrays make 16 levels; the 16th array's first element cannot be opened.
        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.deep" + string.Concat(Enumerable.Repeat("[0]", 15)));
    }

    [Fact]
    public async Task Rejects_a_comment_naming_the_object_it_is_in()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => v["value"] = JwsBuilder.Raw("1.34 /* rounded */")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "$.values[1]");
    }

    [Fact]
    public async Task Rejects_malformed_JSON_in_the_header()
    {
        var jws = _network.Trondheim.Snapshot().Jws().AppendToHeader("}").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "header");
    }

    [Fact]
    public async Task Rejects_a_NaN_literal_in_the_header()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => h["kid"] = JwsBuilder.Raw("NaN")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedJson, "header.kid");
    }

    [Fact]
    public async Task Rejects_a_property_named_twice_at_the_top_of_the_payload()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => JwsBuilder.Duplicate(p, "cityId", "NO-4601")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateProperty, "$.cityId");
    }

    [Fact]
    public async Task Rejects_a_property_named_twice_inside_a_value()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(1, v => JwsBuilder.Duplicate(v, "value", 99)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateProperty, "$.values[1].value");
    }

    [Fact]
    public async Task Rejects_a_property_named_twice_with_the_same_value()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditValue(3, v => JwsBuilder.Duplicate(v, "unit", v["unit"]!.DeepClone())).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateProperty, "$.values[3].unit");
    }

    [Fact]
    public async Task Rejects_a_header_parameter_named_twice()
    {
        var jws = _network.Trondheim.Snapshot().Jws().EditHeader(h => JwsBuilder.Duplicate(h, "alg", "none")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateProperty, "header.alg");
    }

    [Fact]
    public async Task Rejects_a_property_name_written_with_an_escape_as_a_duplicate()
    {
        // "cityId" and "c\u0069tyId" are the same name to every JSON reader.
        var jws = _network.Trondheim.Snapshot().Jws().EditPayload(p => JwsBuilder.Duplicate(p, "c\\u0069tyId", "NO-4601")).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.DuplicateProperty, "$.cityId");
    }

    public void Dispose() => _network.Dispose();
}
