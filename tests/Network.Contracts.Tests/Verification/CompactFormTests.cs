using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;

namespace Network.Contracts.Tests.Verification;

public sealed class CompactFormTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Rejects_a_JWS_of_two_parts()
    {
        var parts = _network.Trondheim.Snapshot().Sign().Split('.');

        Refusal.AssertOnly(await _network.VerifyAsync($"{parts[0]}.{parts[1]}"), RejectionReason.MalformedJws, "jws");
    }

    [Fact]
    public async Task Rejects_a_JWS_of_four_parts()
    {
        var jws = _network.Trondheim.Snapshot().Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws + "." + jws.Split('.')[2]), RejectionReason.MalformedJws, "jws");
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a jws")]
    [InlineData("a.b.c.d.e")]
    public async Task Rejects_text_that_is_not_three_dot_separated_parts(string text) =>
        Refusal.AssertOnly(await _network.VerifyAsync(text), RejectionReason.MalformedJws, "jws");

    [Fact]
    public async Task Reads_empty_parts_as_empty_JSON_rather_than_bad_base64url() =>
        Refusal.AssertExactly(
            await _network.VerifyAsync(".."),
            (RejectionReason.MalformedJson, "header"),
            (RejectionReason.MalformedJson, "$"));

    [Fact]
    public async Task Rejects_a_JWS_in_the_JSON_serialisation()
    {
        var parts = _network.Trondheim.Snapshot().Sign().Split('.');
        var json = new System.Text.Json.Nodes.JsonObject { ["protected"] = parts[0], ["payload"] = parts[1], ["signature"] = parts[2] };

        Refusal.AssertOnly(await _network.VerifyAsync(json.ToJsonString()), RejectionReason.MalformedJws, "jws");
    }

    public static TheoryData<string, int, string> BrokenEncodings()
    {
        var data = new TheoryData<string, int, string>();
        string[] parts = ["header", "payload", "signature"];
        for (var index = 0; index < parts.Length; index++)
        {
            data.Add("padded", index, parts[index]);
            data.Add("padded twice", index, parts[index]);
            data.Add("space inside", index, parts[index]);
            data.Add("newline at the end", index, parts[index]);
            data.Add("tab at the start", index, parts[index]);
            data.Add("standard base64 '+'", index, parts[index]);
            data.Add("standard base64 '/'", index, parts[index]);
            data.Add("an asterisk", index, parts[index]);
            data.Add("a length of 4n+1", index, parts[index]);
            data.Add("non-ASCII letter", index, parts[index]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenEncodings))]
    public async Task Rejects_a_part_that_is_not_unpadded_base64url(string how, int index, string field)
    {
        var parts = _network.Trondheim.Snapshot().Sign().Split('.');
        parts[index] = Break(parts[index], how);

        // Sign over the broken parts, so the signature is right and only the encoding is wrong.
        var jws = index == 2
            ? string.Join('.', parts)
            : RawJws.SignParts(parts[0], parts[1], _network.Trondheim.Keys.Key);

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedBase64Url, field);
    }

    [Fact]
    public async Task Rejects_a_signature_with_non_zero_unused_bits_in_its_last_character()
    {
        // 64 bytes take 86 characters; the last one carries 2 bits of the signature and 4 unused bits, which
        // must be zero: otherwise one signature would have 16 spellings, and a JWS several digests.
        var jws = _network.Trondheim.Snapshot().Sign();
        var last = jws[^1];
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sibling = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) ^ 1];

        Refusal.AssertOnly(await _network.VerifyAsync(jws[..^1] + sibling), RejectionReason.MalformedBase64Url, "signature");
    }

    [Fact]
    public async Task Does_not_trim_whitespace_around_the_JWS()
    {
        var jws = _network.Trondheim.Snapshot().Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(" " + jws), RejectionReason.MalformedBase64Url, "header");
        var newline = await _network.VerifyAsync(jws + "\n");
        Refusal.AssertOnly(newline, RejectionReason.MalformedBase64Url, "signature");
        Assert.Contains("whitespace", newline.Rejections[0].Message, StringComparison.Ordinal);
        Assert.Contains("nothing around it is trimmed", newline.Rejections[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accepts_a_payload_of_exactly_1_MiB()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var padding = SnapshotFormat.MaxPayloadBytes - System.Text.Encoding.UTF8.GetByteCount(builder.PayloadJson());

        Refusal.AssertAccepted(await _network.VerifyAsync(builder.AppendToPayload(new string(' ', padding)).Sign()));
    }

    [Fact]
    public async Task Rejects_a_payload_over_1_MiB()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var padding = SnapshotFormat.MaxPayloadBytes - System.Text.Encoding.UTF8.GetByteCount(builder.PayloadJson()) + 1;

        var jws = builder.AppendToPayload(new string(' ', padding)).Sign();

        var result = await _network.VerifyAsync(jws);
        Refusal.AssertOnly(result, RejectionReason.PayloadTooLarge, "payload");
        Assert.Contains($"{SnapshotFormat.MaxPayloadBytes + 1:N0} bytes", result.Rejections[0].Message, StringComparison.Ordinal);
    }

    // Refused on its length before anything is decoded: the number is the JWS's length in characters, and the
    // refusal says so, rather than calling it the payload's size in bytes.
    [Fact]
    public async Task Names_an_overlong_JWS_as_the_JWS_not_as_the_payload()
    {
        var builder = _network.Trondheim.Snapshot().Jws();
        var padding = SnapshotFormat.MaxPayloadBytes - System.Text.Encoding.UTF8.GetByteCount(builder.PayloadJson()) + 1024 * 1024;
        var jws = builder.AppendToPayload(new string(' ', padding)).Sign();

        var result = await _network.VerifyAsync(jws);

        Refusal.AssertOnly(result, RejectionReason.PayloadTooLarge, "jws");
        var message = result.Rejections[0].Message;
        Assert.Contains($"The JWS is {jws.Length:N0} characters long", message, StringComparison.Ordinal);
        Assert.DoesNotContain("payload is", message, StringComparison.Ordinal);
    }

    private static string Break(string part, string how) => how switch
    {
        "padded" => part + "=",
        "padded twice" => part + "==",
        "space inside" => part[..10] + " " + part[10..],
        "newline at the end" => part + "\n",
        "tab at the start" => "\t" + part,
        "standard base64 '+'" => part[..5] + "+" + part[6..],
        "standard base64 '/'" => part[..5] + "/" + part[6..],
        "an asterisk" => part[..5] + "*" + part[6..],
        "a length of 4n+1" => part + new string('A', (5 - (part.Length % 4)) % 4),
        "non-ASCII letter" => part[..5] + "é" + part[6..],
        _ => throw new ArgumentOutOfRangeException(nameof(how)),
    };

    public void Dispose() => _network.Dispose();
}
