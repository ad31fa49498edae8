using Microsoft.Data.Sqlite;
using Network.Hub.Hosting;
using Network.Hub.Tests.Hosting;

namespace Network.Hub.Tests.Storage;

/// <summary>
/// A hub that cannot start as it is set up says so in one sentence naming the file or setting and what to do, and exits
/// with code 2: no stack trace, no exit code 0 (issue 11, class 7: a damaged file aborted the process with exit code
/// 134 and two stack traces; a read-only one made the embedded default exit with 0). Each case runs the real process.
/// </summary>
public sealed class StartupFailureTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_damaged_database_file_is_named_with_what_to_do()
    {
        var file = TempFile();
        await File.WriteAllTextAsync(file, new string('x', 8192), TestContext.Current.CancellationToken);
        try
        {
            var error = await FailingStartAsync(new() { ["Network__Storage__ConnectionString"] = $"Data Source={file}" });

            Assert.Contains(file, error, StringComparison.Ordinal);
            Assert.Contains("damaged or not a SQLite database", error, StringComparison.Ordinal);
            Assert.Contains("restore the file from a backup", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_file_the_hub_cannot_write_is_named_with_what_to_do()
    {
        // SQLite opens a file it may not write read-only and fails at the first write; Mode=ReadOnly is that, for a
        // test run as root, whom file permissions do not stop.
        var file = TempFile();
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            var error = await FailingStartAsync(new() { ["Network__Storage__ConnectionString"] = $"Data Source={file};Mode=ReadOnly" });

            Assert.Contains(file, error, StringComparison.Ordinal);
            Assert.Contains("read-only", error, StringComparison.Ordinal);
            Assert.Contains("write access", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_in_a_directory_that_does_not_exist_is_named_with_what_to_do()
    {
        var file = Path.Combine(Path.GetTempPath(), $"network-missing-{Guid.NewGuid():N}", "network.db");

        var error = await FailingStartAsync(new() { ["Network__Storage__ConnectionString"] = $"Data Source={file};Mode=ReadWrite" });

        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.Contains("cannot be opened", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_made_by_the_squashed_migrations_is_named_with_what_to_do()
    {
        // A development database from before the migrations were squashed into one (issue 12): its history names
        // migrations this build no longer has, and migrating it would fail on its first CREATE TABLE.
        var file = TempFile();
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261124234634_Initial', '10.0.14'), ('20261125041338_SnapshotIndexes', '10.0.14');
                CREATE TABLE "Cities" ("Id" TEXT NOT NULL PRIMARY KEY);
                """;
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            var error = await FailingStartAsync(new() { ["Network__Storage__ConnectionString"] = $"Data Source={file}" });

            Assert.Contains(file, error, StringComparison.Ordinal);
            Assert.Contains("20261125041338_SnapshotIndexes", error, StringComparison.Ordinal);
            Assert.Contains("delete the file", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_bad_connection_string_names_the_setting()
    {
        var error = await FailingStartAsync(new() { ["Network__Storage__ConnectionString"] = "Data Source=x.db;Colour=blue" });

        Assert.Contains("Network:Storage:ConnectionString", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_certificate_names_the_setting_and_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"network-missing-{Guid.NewGuid():N}.pfx");

        var error = await FailingStartAsync(new()
        {
            ["Network__Identity__SigningCertificate__Path"] = missing,
            ["Network__Identity__EncryptionCertificate__Path"] = missing,
        });

        Assert.Contains("Network:Identity:SigningCertificate:Path", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reverse_proxy_address_that_is_not_an_IP_address_names_the_setting()
    {
        var error = await FailingStartAsync(new() { ["Network__ReverseProxy__KnownProxies__0"] = "proxy.internal" });

        Assert.Contains("Network:ReverseProxy:KnownProxies", error, StringComparison.Ordinal);
        Assert.Contains("proxy.internal", error, StringComparison.Ordinal);
    }

    // Starts the hub, expects exit code 2 and one sentence on standard error, and returns that sentence.
    private static async Task<string> FailingStartAsync(Dictionary<string, string?> environment)
    {
        await using var hub = HubProcess.Start(environment, "--urls", "http://127.0.0.1:0");

        var exitCode = await hub.ExitCodeAsync(ExitTimeout);

        var lines = hub.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exitCode == StartupFailureException.ExitCode, $"Exit code {exitCode}.\nstdout:\n{hub.Output}\nstderr:\n{hub.Error}");
        Assert.True(lines.Length == 1, $"Expected one line on standard error:\n{hub.Error}\nstdout:\n{hub.Output}");
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", hub.Error + hub.Output); // a stack frame
        Assert.DoesNotContain("Exception", hub.Error + hub.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", hub.Output, StringComparison.Ordinal); // a logged error besides the sentence
        return lines[0];
    }

    private static string TempFile() => Path.Combine(Path.GetTempPath(), $"network-startup-{Guid.NewGuid():N}.db");
}
