using System.CommandLine;
using Network.Contracts.Snapshots;
using Network.Node.Cli;
using Network.Node.Output;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Storage;

namespace Network.Node.Commands;

/// <summary><c>send</c>: delivers the outbox once, waits a bounded time for the hub's answers, and prints the status.</summary>
internal static class SendCommand
{
    public static Command Create(Terminal terminal)
    {
        var wait = new Option<int>("--wait") { Description = "How many seconds to wait for the hub's answers.", DefaultValueFactory = _ => 30, HelpName = "SECONDS" };
        var command = new Command("send", "Deliver the outbox to the hub once, wait for its answers, and show the status.") { wait };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            await using var hub = node.ConnectToHub();
            var courier = node.CourierFor(hub, afterConfirm: TestHook.AfterConfirm(terminal.Out));
            var rejected = 0;
            courier.Answered += s =>
            {
                if (s.State == SnapshotState.Rejected)
                {
                    Interlocked.Increment(ref rejected);
                }
            };

            try
            {
                await hub.StartAsync(courier.OnAnswerAsync, ct);
            }
            catch (HubUnreachableException e)
            {
                var pending = (await node.Store.ListAsync(ct: ct)).Count(s => s.State == SnapshotState.Pending);
                terminal.Fail($"{e.Message} {Count(pending, "snapshot")} stay{(pending == 1 ? "s" : "")} in the outbox: `send` again when the hub is reachable, or let `run` retry.");
                return ExitCodes.Failed;
            }

            var pendingCount = (await node.Store.ListAsync(ct: ct)).Count(s => s.State == SnapshotState.Pending);
            await terminal.Out.WriteLineAsync(pendingCount == 0
                ? "The outbox has nothing new to deliver."
                : $"Delivering {Count(pendingCount, "snapshot")} to {hub.Description}...");
            var report = await courier.DeliverDueAsync(ignoreSchedule: true, new InlineProgress<DeliveryProgress>(p =>
            {
                var what = $"{p.Entry.SnapshotId} ({p.Entry.Period} {WireNames.Of(p.Entry.Status)})";
                terminal.Out.WriteLine(p.Outcome.Delivered ? $"  delivered {p.Done}/{p.Total}  {what}" : $"  not delivered {p.Done}/{p.Total}  {what}: {p.Outcome.Failure}");
            }), ct);

            var waiting = (await node.Store.ListAsync(ct: ct)).Count(s => s.State == SnapshotState.Delivered);
            if (waiting > 0)
            {
                var limit = TimeSpan.FromSeconds(Math.Max(0, result.GetValue(wait)));
                await terminal.Out.WriteAsync($"Waiting up to {limit.TotalSeconds:0} s for the hub's answers to {Count(waiting, "snapshot")}... ");
                var unanswered = await courier.WaitForAnswersAsync(limit, ct);
                await terminal.Out.WriteLineAsync(unanswered == 0
                    ? "all answered."
                    : $"{unanswered} not answered yet; their answers wait on the node's queue: `send` or `status` later, or let `run` follow them.");
            }

            await terminal.Out.WriteLineAsync();
            await StatusReport.PrintAsync(terminal.Out, node, null, ct);
            if (report.Failure is not null)
            {
                terminal.Fail($"Could not deliver everything: {report.Failure}. {Count(report.Remaining, "snapshot")} stay{(report.Remaining == 1 ? "s" : "")} in the outbox for the next `send` (or `run`).");
                return ExitCodes.Failed;
            }

            return rejected > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
