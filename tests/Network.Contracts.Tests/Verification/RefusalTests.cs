using System.Buffers.Text;
using System.Text;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Testing;
using static Network.Testing.SnapshotBuilder;

namespace Network.Contracts.Tests.Verification;

public sealed class RefusalTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Fact]
    public async Task Reports_every_problem_of_a_snapshot_at_once()
    {
        var jws = _network.Trondheim.Snapshot()
            .ForPeriod(1989)
            .WithStatus(SnapshotStatus.Correction)
            .WithCatalogueVersion("u4ssc-2016")
            .AddValue(Value("EC-ICT-ICT-1C", 120, "%"))
            .AddValue(Value("EC-ICT-ICT-5C", 3, "%"))
            .AddValue(Value("EC-ICT-ICT-99C", 1, "%"))
            .AddValue(Value("EC-ICT-ICT-4C", 99, "%"))
            .Jws()
            .EditPayload(p => p["population"] = 212_660)
            .EditValue(0, v => v["quality"] = "exact")
            .Sign();

        var result = await _network.VerifyAsync(jws);

        Assert.Equal(9, result.Rejections.Count);
        Refusal.AssertExactly(
            result,
            (RejectionReason.UnknownField, "$.population"),
            (RejectionReason.InvalidField, "$.values[0].quality"),
            (RejectionReason.PeriodOutOfRange, "$.period"),
            (RejectionReason.CorrectionWithoutSupersedes, "$.supersedes"),
            (RejectionReason.UnsupportedCatalogueVersion, "$.catalogueVersion"),
            (RejectionReason.ValueOutOfRange, "$.values[4].value"),
            (RejectionReason.WrongUnit, "$.values[5].unit"),
            (RejectionReason.UnknownKpi, "$.values[6].kpi"),
            (RejectionReason.InvalidDataPoint, "$.values[7].dataPoint"));
    }

    [Fact]
    public async Task Reports_problems_in_header_payload_and_key_together()
    {
        var jws = _network.Trondheim.Snapshot()
            .ForPeriod(1989)
            .Jws()
            .EditHeader(h => { h["typ"] = "JWT"; h["jku"] = "https://attacker.example/keys"; })
            .SignWith(_network.Bergen.Keys.Key);

        Refusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.WrongTokenType, "header.typ"),
            (RejectionReason.UnsupportedHeader, "header.jku"),
            (RejectionReason.BadSignature, "signature"),
            (RejectionReason.PeriodOutOfRange, "$.period"));
    }

    [Fact]
    public async Task Keeps_what_a_refused_payload_claimed_so_the_answer_can_be_addressed()
    {
        var snapshot = _network.Trondheim.Snapshot().ForPeriod(1989);
        var id = snapshot.Build().SnapshotId;

        var result = await _network.VerifyAsync(snapshot.Sign());

        Assert.False(result.IsValid);
        Assert.Equal(id, result.Claimed!.SnapshotId);
        Assert.Equal("NO-5001", result.Claimed.CityId);
    }

    [Fact]
    public async Task An_acceptance_has_no_reasons_and_a_refusal_is_never_valid()
    {
        var accepted = await _network.VerifyAsync(_network.Trondheim.Snapshot().Sign());
        var refused = await _network.VerifyAsync(_network.Trondheim.Snapshot().SignWith(_network.Bergen.Keys));

        Assert.True(accepted.IsValid);
        Assert.NotNull(accepted.Verified);
        Assert.Empty(accepted.Rejections);
        Assert.False(refused.IsValid);
        Assert.Null(refused.Verified);
        Assert.NotEmpty(refused.Rejections);
        Assert.False(VerificationResult.Refuse([Rejections.NoValues()]).IsValid);
    }

    [Fact]
    public void Cannot_build_a_refusal_without_a_reason() =>
        Assert.Throws<ArgumentException>(() => VerificationResult.Refuse([]));

    [Fact]
    public async Task Describes_every_refusal_in_a_sentence_naming_its_field()
    {
        var result = await _network.VerifyAsync(_network.Trondheim.Snapshot().AddValue(Value("EC-ICT-ICT-1C", 120, "%")).Sign());

        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(
            "$.values[4].value: EC-ICT-ICT-1C (Household Internet Access) is a percentage and must be between 0 and 100; found 120. (ValueOutOfRange)",
            rejection.ToString());
    }

    [Fact]
    public async Task Never_throws_and_never_accepts_garbage()
    {
        var random = new Random(20200930);
        var valid = _network.Trondheim.Snapshot().Sign();
        var header = valid.Split('.')[0];
        var payloadJson = Encoding.UTF8.GetBytes(RawJws.PayloadOf(valid));
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ \n\"{}[]:,\\\u00e9\u0000";

        for (var i = 0; i < 2_000; i++)
        {
            var garbage = (i % 4) switch
            {
                // Random characters, dots included.
                0 => new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()),
                // Three parts of random bytes, correctly encoded.
                1 => string.Join('.', Enumerable.Range(0, 3).Select(_ => Base64Url.EncodeToString(RandomBytes(random, random.Next(0, 120))))),
                // A real header, random bytes for a payload, signed: the payload reader gets them.
                2 => RawJws.SignParts(header, Base64Url.EncodeToString(RandomBytes(random, random.Next(0, 300))), _network.Trondheim.Keys.Key),
                // The real payload with a few bytes changed, signed: nearly JSON, nearly a snapshot.
                _ => RawJws.SignParts(header, Base64Url.EncodeToString(Mutate(random, payloadJson)), _network.Trondheim.Keys.Key),
            };

            var result = await _network.VerifyAsync(garbage);

            if (result.IsValid)
            {
                // A mutation can land in a note or a number and leave a valid snapshot: that is not garbage.
                Assert.Equal(3, i % 4);
                continue;
            }

            Assert.Null(result.Verified);
            Assert.NotEmpty(result.Rejections);
            Assert.All(result.Rejections, r =>
            {
                Assert.True(Enum.IsDefined(r.Reason), r.ToString());
                Assert.False(string.IsNullOrWhiteSpace(r.Field), r.ToString());
                Assert.False(string.IsNullOrWhiteSpace(r.Message), r.ToString());
            });
        }
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Mutate(Random random, byte[] json)
    {
        var bytes = (byte[])json.Clone();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return bytes;
    }

    public void Dispose() => _network.Dispose();
}
