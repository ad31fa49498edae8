using Network.Node.Workspace.Storage;

namespace Network.Node.Cli;

/// <summary>
/// The one test hook of the node, for the test that proves at-least-once delivery across a crash. With
/// <c>NETWORK_NODE_TEST_HOOK=pause-after-confirm</c>, the node stops (forever) right after the broker confirmed a
/// snapshot and before the outbox records it, saying so on standard output; the test kills it there. Without the
/// variable nothing changes. Documented in nodes/README.md; never set it in production.
/// </summary>
internal static class TestHook
{
    public const string Variable = "NETWORK_NODE_TEST_HOOK";
    public const string PauseAfterConfirm = "pause-after-confirm";
    public const string PausedMessage = "TEST HOOK: paused after the broker confirmed snapshot";

    public static Func<OutboxEntry, CancellationToken, Task>? AfterConfirm(TextWriter output) =>
        Environment.GetEnvironmentVariable(Variable) == PauseAfterConfirm
            ? async (entry, ct) =>
            {
                await output.WriteLineAsync($"{PausedMessage} {entry.SnapshotId}, before marking it delivered.");
                await output.FlushAsync(ct);
                await Task.Delay(Timeout.Infinite, ct);
            }
            : null;
}
