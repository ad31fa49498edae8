namespace Network.Node.Tests.Support;

/// <summary>The running test's cancellation token, as <c>Ct</c> (imported statically in every file).</summary>
public static class TestToken
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
