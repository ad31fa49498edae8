using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Output;

namespace Network.Node.Commands;

/// <summary><c>status</c>: every snapshot of the node and where it stands.</summary>
internal static class StatusCommand
{
    public static Command Create(Terminal terminal)
    {
        var period = new Option<int?>("--period") { Description = "Only the snapshots of this year.", HelpName = "YEAR" };
        var command = new Command("status", "Show every snapshot: id, period, status, state (draft, pending, delivered, accepted, rejected) and the hub's reasons.") { period };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            await StatusReport.PrintAsync(terminal.Out, node, result.GetValue(period), ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
