using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Network.Node.Cli;
using Network.Node.Worker;

namespace Network.Node.Commands;

/// <summary><c>run</c>: the node as a worker (generic host) until stopped: for containers and servers.</summary>
internal static class RunCommand
{
    public static Command Create(Terminal terminal)
    {
        var command = new Command("run", "Run as a service: deliver the outbox with retries, follow the hub's answers, until stopped (Ctrl+C, SIGTERM).");
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = Path.GetFullPath(node.Directory.Path),
                DisableDefaults = true,
            });
            builder.Logging.ClearProviders();
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                o.ColorBehavior = LoggerColorBehavior.Disabled;
            });
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            // MassTransit logs every failed reconnection with its stack trace; the node says the same in one line.
            builder.Logging.AddFilter("MassTransit", LogLevel.Error);
            builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
            builder.Services.AddSingleton(node);
            builder.Services.AddSingleton(terminal.Out);
            builder.Services.AddSingleton<DeliveryWorker>();
            builder.Services.AddHostedService(s => s.GetRequiredService<DeliveryWorker>());
            builder.Services.Configure<HostOptions>(o =>
            {
                o.ShutdownTimeout = TimeSpan.FromSeconds(20);
                o.BackgroundServiceExceptionBehavior = BackgroundServiceExceptionBehavior.StopHost;
            });

            using var host = builder.Build();
            var worker = host.Services.GetRequiredService<DeliveryWorker>();
            await host.RunAsync(ct);
            return worker.Failed ? ExitCodes.Failed : ExitCodes.Ok;
        });
        return command;
    }
}
