using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Network.Node.Cli;
using Network.Node.Workspace;

namespace Network.Node.Worker;

/// <summary>
/// The node as a long-running service (<c>run</c>): delivers the outbox with retries and capped exponential back-off,
/// listens for the hub's answers, and delivers again what got no answer in time, until the host stops (SIGTERM, Ctrl+C).
/// </summary>
internal sealed class DeliveryWorker(NodeWorkspace node, ILoggerFactory loggers, TextWriter output) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger("Network.Node");

    /// <summary>Whether the worker stopped on an error rather than on request.</summary>
    public bool Failed { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _logger.LogInformation("Node of {Name} ({City}) running from {Directory}; delivering to {Hub}.",
            node.Settings.Name, node.Settings.CityId, Path.GetFullPath(node.Directory.Path), node.Settings.Hub.Describe());
        try
        {
            await using var hub = node.ConnectToHub(loggers);
            var courier = node.CourierFor(hub, _logger, TestHook.AfterConfirm(output));
            await courier.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _logger.LogInformation("Stopping: whatever is not yet confirmed stays in the outbox for the next start.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Failed = true;
            _logger.LogCritical(e, "The node stopped on an error it cannot recover from: {Message}", e.Message);
            throw;
        }
    }
}
