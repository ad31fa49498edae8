using System.Diagnostics;
using System.Net.Sockets;

namespace Network.Testing;

/// <summary>
/// The local RabbitMQ broker the end-to-end tests run against (guest/guest on localhost:5672, as Debian's
/// package and <c>.ci/run</c> set it up). A test that needs it calls <see cref="Require"/>: without a broker it
/// is skipped with the reason, unless <c>NETWORK_REQUIRE_RABBITMQ=1</c>, when it fails instead.
/// </summary>
public static class RabbitMqBroker
{
    /// <summary>The environment variable that turns a missing broker from a skip into a failure.</summary>
    public const string RequireVariable = "NETWORK_REQUIRE_RABBITMQ";

    /// <summary>Host name.</summary>
    public const string Host = "localhost";

    /// <summary>AMQP port.</summary>
    public const int Port = 5672;

    /// <summary>Whether a broker must be there (CI).</summary>
    public static bool IsRequired => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Skips (or, when required, fails) the calling test unless the broker accepts connections.</summary>
    public static void Require()
    {
        if (IsReachable())
        {
            return;
        }

        var reason = $"No RabbitMQ broker at {Host}:{Port}. Start one (apt-get install rabbitmq-server; rabbitmq-server -detached) " +
                     $"or run .ci/run; set {RequireVariable}=1 to fail instead of skipping.";
        if (IsRequired)
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>Skips (or fails, when required) unless <c>rabbitmqctl</c> can restart the broker (root on the broker's machine).</summary>
    public static void RequireControl()
    {
        Require();
        if (FindRabbitmqctl() is null)
        {
            var reason = "rabbitmqctl is not available, so the broker cannot be restarted by this test.";
            if (IsRequired)
            {
                Assert.Fail(reason);
            }

            Assert.Skip(reason);
        }
    }

    /// <summary>Whether something accepts TCP connections on the AMQP port.</summary>
    public static bool IsReachable()
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(Host, Port).Wait(TimeSpan.FromSeconds(2)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Stops the broker application (the node stays up), as a crash of the broker looks to clients.</summary>
    public static Task StopAppAsync() => RunAsync("stop_app");

    /// <summary>Starts the broker application again and waits until it accepts connections.</summary>
    public static async Task StartAppAsync()
    {
        await RunAsync("start_app");
        await RunAsync("await_startup");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!IsReachable())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("RabbitMQ did not accept connections within 60 s of start_app.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// A fresh virtual host for one test, so its exchanges and queues meet no other test's; deleted on dispose.
    /// Needs rabbitmqctl (see <see cref="RequireControl"/>).
    /// </summary>
    public static async Task<VirtualHost> CreateVirtualHostAsync()
    {
        var name = $"test-{Guid.NewGuid():N}";
        await RunAsync("add_vhost", name);
        await RunAsync("set_permissions", "-p", name, "guest", ".*", ".*", ".*");
        return new VirtualHost(name);
    }

    /// <summary>A virtual host that exists for one test.</summary>
    public sealed class VirtualHost(string name) : IAsyncDisposable
    {
        /// <summary>Its name.</summary>
        public string Name { get; } = name;

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await RunAsync("delete_vhost", Name);
            }
            catch (InvalidOperationException)
            {
                // Best effort: a broker stopped by the test itself may refuse; the vhost is empty and harmless.
            }
        }
    }

    /// <summary>The number of messages ready in a queue of a virtual host; 0 if the queue does not exist.</summary>
    public static async Task<int> CountMessagesAsync(string virtualHost, string queue)
    {
        var output = await RunAsync("list_queues", "-p", virtualHost, "-q", "--no-table-headers", "name", "messages");
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == queue)
            {
                return int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    /// <summary>The path of rabbitmqctl on this machine, or <see langword="null"/>.</summary>
    public static string? Rabbitmqctl => FindRabbitmqctl();

    /// <summary>Deletes a broker user (best effort: a user that is not there is fine).</summary>
    public static async Task DeleteUserAsync(string user)
    {
        try
        {
            await RunAsync("delete_user", user);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string? FindRabbitmqctl() =>
        new[] { "/usr/sbin/rabbitmqctl", "/usr/lib/rabbitmq/bin/rabbitmqctl", "/usr/bin/rabbitmqctl" }.FirstOrDefault(File.Exists);

    private static async Task<string> RunAsync(params string[] args)
    {
        var ctl = FindRabbitmqctl() ?? throw new InvalidOperationException("rabbitmqctl not found.");
        var start = new ProcessStartInfo(ctl) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
        }

        return await stdout;
    }
}
