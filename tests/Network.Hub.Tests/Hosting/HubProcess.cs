using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Network.Hub.Tests.Hosting;

/// <summary>
/// The hub as an operator runs it: its own process (<c>dotnet Network.Hub.dll</c> from this test's output), in a
/// directory of its own, with the environment given and none of the ASP.NET Core address variables of the test run.
/// For what only a real process shows: the exit code, what it prints, where Kestrel listens.
/// </summary>
internal sealed partial class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource<string> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubProcess(Process process) => _process = process;

    /// <summary>The directory the hub runs in (its content root), deleted on dispose.</summary>
    public required string Directory { get; init; }

    /// <summary>Everything written to standard output so far.</summary>
    public string Output { get { lock (_out) { return _out.ToString(); } } }

    /// <summary>Everything written to standard error so far.</summary>
    public string Error { get { lock (_error) { return _error.ToString(); } } }

    /// <summary>Starts the hub with <paramref name="environment"/> (null removes a variable) and <paramref name="arguments"/>.</summary>
    public static HubProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Launch(environment, [Path.Combine(AppContext.BaseDirectory, "Network.Hub.dll"), .. arguments]);

    /// <summary>
    /// Starts the hub as a developer does, <c>dotnet run --project src/Network.Hub</c> (already built: <c>--no-build</c>),
    /// so its launch profile (launchSettings.json) applies.
    /// </summary>
    public static HubProcess StartWithDotnetRun(IReadOnlyDictionary<string, string?> environment) =>
        Launch(environment, ["run", "--no-build", "--project", Path.Combine(RepositoryRoot(), "src", "Network.Hub")]);

    /// <summary>The repository's root: the directory above the test output that holds Network.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Network.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Network.sln not found above the test output.");
    }

    private static HubProcess Launch(IReadOnlyDictionary<string, string?> environment, string[] dotnetArguments)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"network-hub-process-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in dotnetArguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("DOTNET_URLS", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Network__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Network__Demo__Enabled"] = "false";
        // Under dotnet run the content root is the project's directory: the database goes to this process's own one.
        start.Environment["Network__Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "network.db")}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var hub = new HubProcess(process) { Directory = directory };
        process.OutputDataReceived += (_, e) => hub.Received(e.Data, hub._out, listening: true);
        process.ErrorDataReceived += (_, e) => hub.Received(e.Data, hub._error, listening: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return hub;
    }

    /// <summary>Waits for the process to end (at most <paramref name="timeout"/>) and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>The first address the start-up banner says the hub listens on; fails if the process ends first.</summary>
    public async Task<Uri> ListeningAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_listening.Task, exited, Task.Delay(timeout));
        Assert.True(first == _listening.Task, $"The hub did not announce an address (exited: {_process.HasExited}).\nstdout:\n{Output}\nstderr:\n{Error}");
        return new Uri(await _listening.Task);
    }

    private void Received(string? line, StringBuilder into, bool listening)
    {
        if (line is null)
        {
            return;
        }

        lock (into)
        {
            into.AppendLine(line);
        }

        // The banner: "  Listening on" then one indented address per line.
        if (listening && AddressLine().Match(line) is { Success: true } match && Output.Contains("Listening on", StringComparison.Ordinal))
        {
            _listening.TrySetResult(match.Groups[1].Value);
        }
    }

    [GeneratedRegex(@"^\s{4}(https?://\S+)$")]
    private static partial Regex AddressLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp directory's cleaning.
        }
    }
}
