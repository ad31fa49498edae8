using System.Diagnostics;

namespace Network.EndToEnd.Tests.Faults;

/// <summary>
/// The hub as its own operating-system process (the built <c>Network.Hub.dll</c>), so a test can kill it the
/// way a crash or an OOM kill does: no disposal, no graceful shutdown.
/// </summary>
internal sealed class HubProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Every line the process wrote, for diagnosis when a test fails.</summary>
    public List<string> Output { get; } = [];

    /// <summary>Starts the hub with <paramref name="settings"/> (configuration keys) and waits until it reports it has started.</summary>
    public static async Task<HubProcess> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var hub = new HubProcess(Process.Start(StartInfo(settings, []))!);
        hub.Pump();
        var ready = await Task.WhenAny(hub._started.Task, Task.Delay(TimeSpan.FromSeconds(60)));
        if (ready != hub._started.Task)
        {
            hub.Dispose();
            Assert.Fail("The hub process did not start within 60 s:\n" + string.Join('\n', hub.Output));
        }

        return hub;
    }

    /// <summary>Runs a hub admin command (e.g. <c>cities add ...</c>) to completion and returns its output.</summary>
    public static async Task<string> RunCommandAsync(IReadOnlyDictionary<string, string?> settings, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(settings, arguments))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var output = await stdout + await stderr;
        Assert.True(process.ExitCode == 0, $"hub {string.Join(' ', arguments)} exited {process.ExitCode}:\n{output}");
        return output;
    }

    /// <summary>Stops the process as an operator's Ctrl+C or a container stop does (SIGTERM) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(patience.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process and its children at once (SIGKILL).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Pump()
    {
        void OnLine(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (Output)
            {
                Output.Add(e.Data);
            }

            if (e.Data.Contains("Application started", StringComparison.Ordinal))
            {
                _started.TrySetResult();
            }
        }

        _process.OutputDataReceived += OnLine;
        _process.ErrorDataReceived += OnLine;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> settings, string[] arguments)
    {
        var hubDll = HubAssemblyPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hubDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hubDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Network__Demo__Enabled"] = "false";
        // A production hub refuses to start without token-signing certificates; these tests are not about tokens.
        start.Environment["Network__Identity__DevelopmentKeys"] = "true";
        // ... and without its public address, the tokens' issuer.
        start.Environment["Network__Identity__Issuer"] = "http://127.0.0.1/";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    // The hub is built with the solution; this test runs from tests/<project>/bin/<Configuration>/net10.0.
    private static string HubAssemblyPath()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Network.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Network.sln not found above " + AppContext.BaseDirectory),
            "src", "Network.Hub", "bin", configuration, framework, "Network.Hub.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the hub first (dotnet build Network.sln).", path);
    }
}
