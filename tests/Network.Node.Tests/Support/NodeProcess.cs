using System.Diagnostics;

namespace Network.Node.Tests.Support;

/// <summary>
/// The node as its own operating-system process (the built <c>Network.Node.dll</c>), so that a test can kill it the
/// way a crash, a power cut or an OOM kill does: no disposal, no graceful shutdown.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _changed = new(0);

    private NodeProcess(Process process)
    {
        _process = process;
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_lines)
            {
                _lines.Add(e.Data);
            }

            _changed.Release();
        }

        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_lines)
            {
                return string.Join('\n', _lines);
            }
        }
    }

    public static NodeProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(RepositoryRoot.Assembly(Path.Combine("nodes", "Network.Node"), "Network.Node"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new NodeProcess(Process.Start(start)!);
    }

    /// <summary>Runs the node to its end and returns its exit code and output.</summary>
    public static async Task<CommandResult> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        using var node = Start(environment, arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node._process.WaitForExitAsync(timeout.Token);
        node._process.WaitForExit(); // drains the output events
        return new CommandResult(node._process.ExitCode, node.Output, "");
    }

    /// <summary>Waits until the process writes a line containing <paramref name="text"/>; fails with its output otherwise.</summary>
    public async Task WaitForLineAsync(string text, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the output events
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }

                Assert.Fail($"The node exited with {_process.ExitCode} without writing '{text}':\n{Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The node did not write '{text}' within {limit.TotalSeconds:0} s:\n{Output}");
            }

            await _changed.WaitAsync(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>Kills the process and its children at once (SIGKILL): what a crash looks like to the node.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        _changed.Dispose();
    }
}
