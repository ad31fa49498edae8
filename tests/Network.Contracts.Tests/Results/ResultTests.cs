using Network.Contracts.Results;

namespace Network.Contracts.Tests.Results;

public sealed class ResultTests
{
    private sealed record Reason(string Field, string Message)
    {
        public override string ToString() => $"{Field}: {Message}";
    }

    [Fact]
    public void A_success_holds_its_value_and_no_failure()
    {
        var result = Result<string, Reason>.Of("the set");

        Assert.True(result.Success);
        Assert.Equal("the set", result.Value);
        Assert.Equal("the set", result.GetValueOrThrow());
        Assert.Empty(result.Failures);
        Assert.True(result.TryGetValue(out var value));
        Assert.Equal("the set", value);
    }

    [Fact]
    public void A_refusal_holds_every_reason_in_order_and_no_value()
    {
        var result = Result<string, Reason>.Refused([new Reason("kpi", "unknown"), new Reason("target", "not a number")]);

        Assert.False(result.Success);
        Assert.Equal(["kpi", "target"], result.Failures.Select(f => f.Field));
        Assert.False(result.TryGetValue(out var value));
        Assert.Null(value);
    }

    [Fact]
    public void Asking_a_refusal_for_its_value_throws_with_every_reason()
    {
        var result = Result<string, Reason>.Refused([new Reason("kpi", "unknown"), new Reason("target", "not a number")]);

        var error = Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.Contains("2 reason(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("kpi: unknown", error.Message, StringComparison.Ordinal);
        Assert.Contains("target: not a number", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.GetValueOrThrow());
    }

    [Fact]
    public void A_refusal_needs_at_least_one_reason_and_a_success_a_value()
    {
        Assert.Throws<ArgumentException>(() => Result<string, Reason>.Refused([]));
        Assert.Throws<ArgumentNullException>(() => Result<string, Reason>.Of(null!));
    }

    [Fact]
    public void A_refusal_for_one_reason_holds_it()
    {
        var reason = new Reason("file", "missing");

        Assert.Same(reason, Assert.Single(Result<string, Reason>.Refused(reason).Failures));
    }
}
