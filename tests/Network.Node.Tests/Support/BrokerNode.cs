using Network.Node.Cli;
using Network.Node.Workspace;
using Network.Node.Workspace.Settings;
using Network.Testing;

namespace Network.Node.Tests.Support;

/// <summary>Trondheim's node set up with the command line on a test's virtual host, and the commands run against it.</summary>
public static class BrokerNode
{
    /// <summary><c>init</c> for Trondheim on <paramref name="virtualHost"/>; returns the command line and the node, opened.</summary>
    public static async Task<(NodeCommandLine Cli, NodeWorkspace Node)> InitAsync(TempDirectory directory, string virtualHost, int port = RabbitMqBroker.Port)
    {
        var cli = new NodeCommandLine(directory.File("node-data"));
        (await cli.RunAsync("init", "--city", "NO-5001", "--name", "Trondheim", "--rabbitmq-host", RabbitMqBroker.Host,
            "--rabbitmq-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--rabbitmq-vhost", virtualHost)).Expect(ExitCodes.Ok);
        return (cli, await NodeWorkspace.OpenAsync(new DataDirectory(cli.DataDirectory)));
    }

    /// <summary>
    /// <c>send</c>, again while it could not deliver (a broker restarted by another test assembly), for up to
    /// <paramref name="limit"/>; returns the first run that delivered everything.
    /// </summary>
    public static async Task<CommandResult> SendAsync(Func<Task<CommandResult>> send, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var result = await send();
            var undelivered = result.Error.Contains("Cannot reach", StringComparison.Ordinal)
                              || result.Error.Contains("Could not deliver", StringComparison.Ordinal)
                              || result.Output.Contains("not answered yet", StringComparison.Ordinal);
            if (!undelivered || DateTime.UtcNow > deadline)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
