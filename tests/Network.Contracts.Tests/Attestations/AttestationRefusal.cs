using Network.Contracts.Attestations;
using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Attestations;

/// <summary>Assertions on attestation refusals: the exact reasons with the exact fields, nothing more and nothing less.</summary>
internal static class AttestationRefusal
{
    public static void AssertExactly(AttestationVerification result, params (RejectionReason Reason, string Field)[] expected)
    {
        Assert.False(result.IsValid, "The attestation was accepted.");
        Assert.Null(result.Verified);
        var actual = result.Rejections.Select(r => (r.Reason, r.Field)).Order().ToArray();
        var wanted = expected.Order().ToArray();
        Assert.True(
            wanted.SequenceEqual(actual),
            $"Expected:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", wanted)}{Environment.NewLine}" +
            $"Actual:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", result.Rejections)}");
        Assert.All(result.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    public static void AssertOnly(AttestationVerification result, RejectionReason reason, string field) => AssertExactly(result, (reason, field));

    public static void AssertAccepted(AttestationVerification result)
    {
        Assert.True(result.IsValid, $"Refused:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", result.Rejections)}");
        Assert.Empty(result.Rejections);
    }
}
