using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Workspace.Templates;

namespace Network.Node.Commands;

/// <summary><c>template</c>: writes the empty value file, one row per KPI (and data point).</summary>
internal static class TemplateCommand
{
    public static Command Create(Terminal terminal)
    {
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--output") { Description = "The file to write (default: u4ssc-values-template.csv or .xlsx here).", HelpName = "FILE" };
        var force = new Option<bool>("--force") { Description = "Overwrite the file if it exists." };

        var command = new Command("template", "Write an empty value file with every KPI, its unit and data points, ready to fill in.") { format, output, force };
        command.SetAction(async (result, ct) =>
        {
            var xlsx = result.GetValue(format) == "xlsx";
            var path = result.GetValue(output) ?? $"u4ssc-values-template.{(xlsx ? "xlsx" : "csv")}";
            if (File.Exists(path) && !result.GetValue(force))
            {
                terminal.Fail($"{path} exists already. Choose another file with --output, or add --force to overwrite it.");
                return ExitCodes.Usage;
            }

            ValueTemplate.Write(path, xlsx ? TemplateFormat.Xlsx : TemplateFormat.Csv);
            var rows = ValueTemplate.Rows();
            await terminal.Out.WriteLineAsync(
                $"Wrote {Shell.Path(path)}: {rows.Count} rows, one for each of the {rows.Select(r => r.Kpi).Distinct().Count()} KPIs (KPIs reported in parts have a row per data point).");
            await terminal.Out.WriteLineAsync(
                "Fill in value, quality, origin and source (note is optional); rows left without a value are skipped. Then: import " + Shell.Quote(path) + " --period YEAR");
            return ExitCodes.Ok;
        });
        return command;
    }
}
