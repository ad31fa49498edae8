using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Network.Performance;

/// <summary>
/// The hub as its own process (<c>dotnet Network.Hub.dll</c>), as an operator runs it: its CPU time and memory are then
/// the hub's alone, read from <c>/proc</c>, and work it goes on doing after a client gave up is seen. It listens on a
/// free port of 127.0.0.1 and works in its own directory (its content root: the demo keys go there), which is deleted
/// with it.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _logTail = new();
    private long _logLines;

    private HubProcess(Process process, Uri baseAddress, string directory)
    {
        _process = process;
        BaseAddress = baseAddress;
        Directory = directory;
    }

    /// <summary>Where the hub listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The hub's working directory (content root).</summary>
    public string Directory { get; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Lines the hub wrote to stdout and stderr so far.</summary>
    public long LogLines => Interlocked.Read(ref _logLines);

    /// <summary>
    /// Starts <paramref name="hubDll"/> in <paramref name="directory"/> on the SQLite file <paramref name="databasePath"/>
    /// with <paramref name="settings"/> (configuration keys, given on the command line), and waits until it is ready
    /// (<c>/health/ready</c>, or <c>/health</c> where there is none) and the start-up work (migrations, the demo network's imports) is done.
    /// </summary>
    public static async Task<HubProcess> StartAsync(
        string hubDll, string directory, string databasePath, IReadOnlyDictionary<string, string> settings, TimeSpan patience)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hubDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--Network:Storage:Provider=Sqlite");
        start.ArgumentList.Add($"--Network:Storage:ConnectionString=Data Source={databasePath};Pooling=True");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        // The embedded default as an operator starts it: no environment set (Production), no launch profile.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var hub = new HubProcess(process, baseAddress, directory);
        process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await hub.WaitUntilHealthyAsync(patience);
            await hub.WaitIdleAsync(patience);
            return hub;
        }
        catch
        {
            await hub.DisposeAsync();
            throw;
        }
    }

    /// <summary>The hub's CPU time and memory now.</summary>
    public HubSample Sample()
    {
        _process.Refresh();
        var cpu = _process.HasExited ? TimeSpan.Zero : _process.TotalProcessorTime;
        long rss = 0, hwm = 0;
        var status = $"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/status";
        if (File.Exists(status))
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    hwm = Kilobytes(line) * 1024;
                }
            }
        }

        return new HubSample(Stopwatch.GetTimestamp(), cpu, rss, hwm);
    }

    /// <summary>Whether the process has ended (crashed or exited).</summary>
    public bool HasExited
    {
        get
        {
            _process.Refresh();
            return _process.HasExited;
        }
    }

    /// <summary>The exit code, once it has exited.</summary>
    public int? ExitCode => HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the hub wrote, for a report of why it failed.</summary>
    public string LogTail()
    {
        lock (_logTail)
        {
            return string.Join(Environment.NewLine, _logTail);
        }
    }

    /// <summary>
    /// Waits until the hub's CPU time stops growing: less than 30 ms of CPU in a whole second (an idle hub's timers
    /// and GC use a few), or <paramref name="bound"/> has passed. Returns the last sample, whether it went idle, and
    /// the CPU rate of its last second (CPU-seconds per second: what the idle hub uses by itself).
    /// </summary>
    public async Task<(HubSample Sample, bool Idle, double IdleRate)> WaitIdleAsync(TimeSpan bound)
    {
        var started = Stopwatch.GetTimestamp();
        var window = new Queue<HubSample>();
        var sample = Sample();
        window.Enqueue(sample);
        while (Stopwatch.GetElapsedTime(started) < bound && !HasExited)
        {
            await Task.Delay(250);
            sample = Sample();
            window.Enqueue(sample);
            while (window.Count > 5)
            {
                window.Dequeue();
            }

            var used = (sample.Cpu - window.Peek().Cpu).TotalSeconds;
            if (window.Count == 5 && used < 0.03)
            {
                return (sample, true, used / Stopwatch.GetElapsedTime(window.Peek().Timestamp, sample.Timestamp).TotalSeconds);
            }
        }

        return (sample, HasExited, 0);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            _process.Kill(entireProcessTree: true);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                // It will die; the directory is left behind then.
            }
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp directory is cleaned up by the OS eventually.
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan patience)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"The hub exited with code {_process.ExitCode} while starting. Its last lines:{Environment.NewLine}{LogTail()}");
            }

            // /health answers on every version of the hub; /health/ready (issue 11) says more where it exists.
            foreach (var path in new[] { "health/ready", "health" })
            {
                try
                {
                    using var response = await http.GetAsync(path);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }

                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        break; // it exists and is not ready yet
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    break; // not listening yet
                }
            }

            if (Stopwatch.GetElapsedTime(started) > patience)
            {
                throw new TimeoutException($"The hub did not answer /health with 200 within {patience.TotalSeconds:0} s. Its last lines:{Environment.NewLine}{LogTail()}");
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref _logLines);
        lock (_logTail)
        {
            _logTail.Enqueue(line.Length > 500 ? line[..500] + "…" : line);
            while (_logTail.Count > 40)
            {
                _logTail.Dequeue();
            }
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(':', 2)[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>The hub process's cumulative CPU time and its memory at one moment.</summary>
/// <param name="Timestamp">When (<see cref="Stopwatch.GetTimestamp"/>).</param>
/// <param name="Cpu">User plus system CPU time since it started.</param>
/// <param name="Rss">Resident memory now (VmRSS), bytes.</param>
/// <param name="PeakRss">The highest resident memory since it started (VmHWM), bytes.</param>
public sealed record HubSample(long Timestamp, TimeSpan Cpu, long Rss, long PeakRss);
