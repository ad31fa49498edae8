using System.CommandLine;
using Network.Node.Commands;
using Network.Node.Workspace;

namespace Network.Node.Cli;

/// <summary>
/// The node's command line: one command per thing a city analyst does. Exit codes: 0 done, 1 the work failed
/// (errors in the file, nothing delivered, a rejection), 2 the command was wrong or the node is not set up for it.
/// </summary>
public static class NodeCli
{
    /// <summary>Runs the command in <paramref name="args"/>, writing to <paramref name="output"/> and <paramref name="error"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        var terminal = new Terminal(output, error);
        var root = new RootCommand("A city's node in the Sustainability Network: import the year's U4SSC KPI values, sign them with the city's key, deliver them to the hub, and follow its answers.")
        {
            NodeOptions.Data,
            InitCommand.Create(terminal),
            EnrollCommand.Create(terminal),
            CredentialsCommand.Create(terminal),
            TemplateCommand.Create(terminal),
            ImportCommand.Create(terminal),
            PublishCommand.Create(terminal),
            CorrectCommand.Create(terminal),
            StatusCommand.Create(terminal),
            SendCommand.Create(terminal),
            RunCommand.Create(terminal),
            KeysCommand.Create(terminal),
            QuestionsCommand.Create(terminal),
            AnswerCommand.Create(terminal),
            VerifierCommand.Create(terminal),
        };

        // A FILE argument may start with @; it names a file to import, not a response file.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                terminal.Fail(problem.Message);
            }

            await error.WriteLineAsync($"Run with --help for the commands and their options.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            }, ct);
        }
        catch (NodeSetupException e)
        {
            terminal.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is FormatException or FileNotFoundException)
        {
            // A damaged node.json or key file, or a key file that is gone: the node cannot work as set up.
            terminal.Fail(e.Message);
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            terminal.Fail("Stopped. Whatever was not confirmed stays in the outbox.");
            return ExitCodes.Failed;
        }
    }
}
