namespace Network.Hub.Hosting;

/// <summary>How the hub's background services ended, for the process exit code.</summary>
public static class BackgroundWork
{
    /// <summary>
    /// True when a background service stopped with an exception. The host then stops the application, and
    /// <c>RunAsync</c> returns as after Ctrl+C: without this, the process would exit with code 0 after a failure.
    /// </summary>
    public static bool BackgroundWorkFailed(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(service => service.ExecuteTask is { IsFaulted: true });
    }
}
