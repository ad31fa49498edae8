using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Verification;

/// <summary>Assertions on refusals: the exact reasons with the exact fields, nothing more and nothing less.</summary>
internal static class Refusal
{
    /// <summary>Asserts <paramref name="result"/> is a refusal for exactly <paramref name="expected"/> (in any order).</summary>
    public static void AssertExactly(VerificationResult result, params (RejectionReason Reason, string Field)[] expected)
    {
        Assert.False(result.IsValid, "The snapshot was accepted.");
        Assert.Null(result.Verified);
        var actual = result.Rejections.Select(r => (r.Reason, r.Field)).Order().ToArray();
        var wanted = expected.Order().ToArray();
        Assert.True(
            wanted.SequenceEqual(actual),
            $"Expected:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", wanted)}{Environment.NewLine}" +
            $"Actual:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", result.Rejections)}");
        Assert.All(result.Rejections, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    /// <summary>Asserts <paramref name="result"/> is a refusal for exactly one reason at one field.</summary>
    public static void AssertOnly(VerificationResult result, RejectionReason reason, string field) =>
        AssertExactly(result, (reason, field));

    /// <summary>Asserts <paramref name="result"/> is an acceptance.</summary>
    public static void AssertAccepted(VerificationResult result)
    {
        Assert.True(result.IsValid, $"Refused:{Environment.NewLine}  {string.Join($"{Environment.NewLine}  ", result.Rejections)}");
        Assert.Empty(result.Rejections);
    }
}
