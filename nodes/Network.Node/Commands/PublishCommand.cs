using System.CommandLine;
using Network.Contracts.Snapshots;
using Network.Node.Cli;

namespace Network.Node.Commands;

/// <summary><c>publish [--period YEAR]</c>: signs the drafts and puts them in the outbox.</summary>
internal static class PublishCommand
{
    public static Command Create(Terminal terminal)
    {
        var period = new Option<int?>("--period") { Description = "Publish only the drafts of this year (default: every draft).", HelpName = "YEAR" };

        var command = new Command("publish", "Sign the drafts with the city's key and put them in the outbox, ready to send.") { period };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            var published = await node.PublishAsync(result.GetValue(period), ct);
            if (published.Count == 0)
            {
                terminal.Fail($"Nothing to publish: there is no draft{(result.GetValue(period) is { } p ? $" for {p}" : "")}. Import a value file first (`import FILE --period YEAR`).");
                return ExitCodes.Failed;
            }

            var code = ExitCodes.Ok;
            foreach (var item in published)
            {
                var what = $"{item.Draft.Period} {WireNames.Of(item.Draft.Status)}, {item.Draft.ValueCount} values from {item.Draft.SourceFile}";
                if (item.SnapshotId is { } id)
                {
                    await terminal.Out.WriteLineAsync($"Signed snapshot {id} ({what}) with key {item.KeyId}; it waits in the outbox.");
                }
                else if (item.Problems.Count > 0)
                {
                    code = ExitCodes.Failed;
                    terminal.Fail($"The draft for {what} was not published: {string.Join(" ", item.Problems.Select(r => r.Message))}");
                }
                else
                {
                    await terminal.Out.WriteLineAsync($"The draft for {what} was published or replaced by another command meanwhile; see `status`.");
                }
            }

            if (code == ExitCodes.Ok)
            {
                await terminal.Out.WriteLineAsync("Next: `send` delivers the outbox to the hub and shows its answers (or let `run` do it).");
            }

            return code;
        });
        return command;
    }
}
