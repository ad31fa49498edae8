using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Output;

namespace Network.Node.Commands;

/// <summary><c>correct --supersedes ID FILE</c>: imports a value file as a correction of an accepted snapshot.</summary>
internal static class CorrectCommand
{
    public static Command Create(Terminal terminal)
    {
        var supersedes = new Option<Guid>("--supersedes") { Description = "The id of the node's accepted snapshot this corrects (see `status`).", Required = true, HelpName = "ID" };
        var file = new Argument<FileInfo>("FILE") { Description = "The corrected value file (.csv or .xlsx): all the values, not only the changed ones." };

        var command = new Command("correct", "Import a value file as a correction of an accepted snapshot (same period), ready to publish.") { supersedes, file };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                terminal.Fail($"The file {path} does not exist.");
                return ExitCodes.Usage;
            }

            var node = await NodeOptions.OpenAsync(result, ct);
            var outcome = await node.CorrectAsync(result.GetValue(supersedes), path.FullName, ImportReport.Progress(terminal), ct);
            return await ImportReport.PrintAsync(terminal, path.Name, outcome);
        });
        return command;
    }
}
