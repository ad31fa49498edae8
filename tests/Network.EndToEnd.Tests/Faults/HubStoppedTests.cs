using Microsoft.Data.Sqlite;

namespace Network.EndToEnd.Tests.Faults;

/// <summary>The hub process stopped the ordinary way: it says goodbye, not a stack trace, and exits 0.</summary>
public sealed class HubStoppedTests : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"network-stopped-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_hub_stopped_with_sigterm_shuts_down_cleanly_and_exits_zero()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "SIGTERM is sent with the kill command of a Unix system.");
        using var hub = await HubProcess.StartAsync(new Dictionary<string, string?>
        {
            ["Network:Storage:ConnectionString"] = $"Data Source={_database}",
            ["Network:Bus:Transport"] = "InMemory",
        });

        var exitCode = await hub.StopAsync();

        string output;
        lock (hub.Output)
        {
            output = string.Join('\n', hub.Output);
        }

        Assert.True(exitCode == 0, $"exit code {exitCode}:\n{output}");
        Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }
}
