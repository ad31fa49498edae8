using Network.Node.Cli;

namespace Network.Node.Tests.Support;

/// <summary>The node's command line run in this process, its output captured: what an analyst would see.</summary>
public sealed class NodeCommandLine(string dataDirectory)
{
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Runs <c>network-node ARGS --data DIR</c>.</summary>
    public async Task<CommandResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await NodeCli.RunAsync([.. args, "--data", DataDirectory], output, error, TestContext.Current.CancellationToken);
        return new CommandResult(exit, output.ToString(), error.ToString());
    }
}

/// <summary>What one command did.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}--- stderr\n{Error}";

    /// <summary>Fails with the command's output unless it exited with <paramref name="expected"/>.</summary>
    public CommandResult Expect(int expected)
    {
        Assert.True(ExitCode == expected, $"Expected exit {expected}:\n{this}");
        return this;
    }
}
