using Network.Contracts.Snapshots;
using Network.Node.Cli;
using Network.Node.Workspace;
using Network.ValueFiles;

namespace Network.Node.Output;

/// <summary>Prints what an import did: the draft stored (and the one it replaced), or every error with its line.</summary>
internal static class ImportReport
{
    public static IProgress<ImportProgress> Progress(Terminal terminal) => new InlineProgress<ImportProgress>(p =>
    {
        // Only long files report progress; a template-sized file is read before anyone could look.
        if (p.Total >= 500 && (p.Rows % 500 == 0 || p.Rows == p.Total))
        {
            terminal.Out.WriteLine($"  read {p.Rows}/{p.Total} rows");
        }
    });

    public static async Task<int> PrintAsync(Terminal terminal, string file, ImportOutcome outcome)
    {
        var name = Path.GetFileName(file);
        if (outcome.Draft is not { } draft)
        {
            var errors = outcome.Result.Failures;
            terminal.Fail($"{name} has {errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was imported. Fix {(errors.Count == 1 ? "it" : "them")} and import the file again.");
            foreach (var error in errors)
            {
                await terminal.Error.WriteLineAsync("  " + error);
            }

            return ExitCodes.Failed;
        }

        var what = $"{draft.Period} {WireNames.Of(draft.Status)}{(draft.Supersedes is { } s ? $" superseding {s}" : "")}";
        await terminal.Out.WriteLineAsync($"Read {name}: {draft.ValueCount} value{(draft.ValueCount == 1 ? "" : "s")}, no errors.");
        await terminal.Out.WriteLineAsync(outcome.Replaced is { } replaced
            ? $"Stored as the draft for {what}, replacing the unpublished draft imported from {replaced.SourceFile} on {replaced.ImportedAt:yyyy-MM-dd HH:mm} UTC ({replaced.ValueCount} values)."
            : $"Stored as the draft for {what}.");
        await terminal.Out.WriteLineAsync($"Next: `publish --period {draft.Period}` signs it and puts it in the outbox.");
        return ExitCodes.Ok;
    }
}
