using System.CommandLine;
using Network.Contracts.Snapshots;
using Network.Node.Cli;
using Network.Node.Output;

namespace Network.Node.Commands;

/// <summary><c>import FILE --period YEAR</c>: validates a value file and stores it as a draft.</summary>
internal static class ImportCommand
{
    public static Command Create(Terminal terminal)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The value file: .csv or .xlsx (see nodes/README.md)." };
        var period = new Option<int>("--period") { Description = "The reporting year the values are for, e.g. 2019.", Required = true, HelpName = "YEAR" };
        var status = new Option<string>("--status") { Description = "preliminary or final.", DefaultValueFactory = _ => "final" };
        status.AcceptOnlyFromAmong("preliminary", "final");

        var command = new Command("import", "Check a value file and store its values as a draft; nothing is stored if any row has an error.") { file, period, status };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
            {
                terminal.Fail($"The file {path} does not exist.");
                return ExitCodes.Usage;
            }

            var node = await NodeOptions.OpenAsync(result, ct);
            var parsed = result.GetValue(status) == "preliminary" ? SnapshotStatus.Preliminary : SnapshotStatus.Final;
            var outcome = await node.ImportAsync(path.FullName, result.GetValue(period), parsed, ImportReport.Progress(terminal), ct);
            return await ImportReport.PrintAsync(terminal, path.Name, outcome);
        });
        return command;
    }
}
