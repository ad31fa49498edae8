using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Network.Contracts.Tests.Interop;

/// <summary>
/// Runs <c>tests/interop/jose/sign-snapshot.mjs</c>: a third party signing snapshots with the <c>jose</c> npm
/// library. <c>npm ci</c> runs once per test run. Several test runs may share one work tree, so installing
/// and running the script take a lock file in the temp folder: one run's <c>npm ci</c> never removes
/// <c>node_modules</c> under another run's script.
/// </summary>
internal static class JoseSigner
{
    /// <summary>The oldest Node.js the pinned jose (6.x, Web Crypto API) runs on.</summary>
    private const int MinimumNodeMajor = 20;

    private static readonly TimeSpan NpmCiTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(1);

    private static readonly Lazy<Task<Tools>> Installed = new(InstallAsync);

    private static string Folder => RepoRoot.Combine("tests", "interop", "jose");

    /// <summary>
    /// Signs <paramref name="payload"/> with the private JWK <paramref name="privateJwk"/> through jose and returns
    /// the compact JWS. Skips the test when Node.js is missing or too old; fails with npm's output when
    /// <c>npm ci</c> fails.
    /// </summary>
    public static async Task<string> SignAsync(string privateJwk, byte[] payload)
    {
        var tools = await Installed.Value;
        if (tools.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var work = Directory.CreateTempSubdirectory("jose-interop-");
        try
        {
            var jwkFile = Path.Combine(work.FullName, "key.jwk.json");
            var payloadFile = Path.Combine(work.FullName, "payload.json");
            await File.WriteAllTextAsync(jwkFile, privateJwk);
            await File.WriteAllBytesAsync(payloadFile, payload);

            using (await WorkTreeLock.TakeAsync())
            {
                var run = await RunAsync(tools.Node!, [Path.Combine(Folder, "sign-snapshot.mjs"), jwkFile, payloadFile], Folder, ScriptTimeout);
                Assert.True(run.ExitCode == 0, $"node sign-snapshot.mjs failed (exit code {run.ExitCode}):\n{run.Output}");
                return run.StandardOutput;
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Runs another script of <c>tests/interop/jose</c> (<c>sign-attestation.mjs</c>, <c>verify-public.mjs</c>) with
    /// <paramref name="files"/> written to a temporary folder and passed in order: the exit code and what it printed.
    /// Skips the test as <see cref="SignAsync"/> does.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunScriptAsync(string script, params IReadOnlyList<byte[]> files)
    {
        var tools = await Installed.Value;
        if (tools.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        var work = Directory.CreateTempSubdirectory("jose-interop-");
        try
        {
            var paths = new List<string> { Path.Combine(Folder, script) };
            for (var i = 0; i < files.Count; i++)
            {
                paths.Add(Path.Combine(work.FullName, $"argument-{i}"));
                await File.WriteAllBytesAsync(paths[^1], files[i]);
            }

            using (await WorkTreeLock.TakeAsync())
            {
                var run = await RunAsync(tools.Node!, paths, Folder, ScriptTimeout);
                return (run.ExitCode, run.StandardOutput, run.StandardError);
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<Tools> InstallAsync()
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            return Tools.Skip($"node is not on PATH: the jose interop test needs Node.js {MinimumNodeMajor}+");
        }

        var npm = FindOnPath("npm");
        if (npm is null)
        {
            return Tools.Skip($"npm is not on PATH: the jose interop test needs Node.js {MinimumNodeMajor}+ with npm");
        }

        var version = await RunAsync(node, ["--version"], Folder, ScriptTimeout);
        var text = version.StandardOutput.Trim();
        if (version.ExitCode != 0 || !TryMajor(text, out var major))
        {
            throw new InvalidOperationException($"`node --version` did not print a version (exit code {version.ExitCode}):\n{version.Output}");
        }

        if (major < MinimumNodeMajor)
        {
            return Tools.Skip($"node {text} is too old: the jose interop test needs Node.js {MinimumNodeMajor}+");
        }

        using (await WorkTreeLock.TakeAsync())
        {
            var ci = await RunAsync(npm, ["ci", "--no-audit", "--no-fund"], Folder, NpmCiTimeout);
            if (ci.ExitCode != 0)
            {
                throw new InvalidOperationException($"`npm ci` in {Folder} failed with exit code {ci.ExitCode}:\n{ci.Output}");
            }
        }

        return new Tools(node, null);
    }

    private static bool TryMajor(string version, out int major)
    {
        // "v20.20.2"
        var digits = version.TrimStart('v').Split('.')[0];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out major);
    }

    private static string? FindOnPath(string tool)
    {
        var names = OperatingSystem.IsWindows() ? new[] { tool + ".exe", tool + ".cmd" } : [tool];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir.Trim('"'), name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static async Task<ProcessResult> RunAsync(string file, IReadOnlyList<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["npm_config_update_notifier"] = "false";
        start.Environment["npm_config_fund"] = "false";
        start.Environment["npm_config_audit"] = "false";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} did not finish within {timeout.TotalSeconds:0} s.\n{await stdout}\n{await stderr}");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private sealed record Tools(string? Node, string? SkipReason)
    {
        public static Tools Skip(string reason) => new(null, reason);
    }

    private sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
    {
        public string Output => $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
    }

    /// <summary>An exclusive lock on the interop folder, shared by every test process working in this tree.</summary>
    private static class WorkTreeLock
    {
        private static readonly string LockFile = Path.Combine(
            Path.GetTempPath(),
            "network-jose-interop-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RepoRoot.Path)))[..16] + ".lock");

        public static async Task<IDisposable> TakeAsync()
        {
            var deadline = DateTime.UtcNow + NpmCiTimeout;
            while (true)
            {
                try
                {
                    return new FileStream(LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }
        }
    }
}
