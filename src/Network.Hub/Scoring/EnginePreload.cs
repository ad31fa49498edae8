using Network.Hub.Embargo;

namespace Network.Hub.Scoring;

/// <summary>
/// Loads every period into the engine, for public readers and for members, once the hub has started, so the first
/// requests that show scores do not each pay for reading a whole period (on a 1,000-city store about half a
/// CPU-second a period). After that a period is only brought up to date when a snapshot of it arrives. Turned off
/// with <c>Network:Scores:PreloadAtStart=false</c> (the tests do, to count loads themselves).
/// </summary>
public sealed partial class EnginePreload(NetworkScores scores, IHostApplicationLifetime lifetime, ILogger<EnginePreload> logger) : BackgroundService
{
    /// <summary>The setting that turns the preload off.</summary>
    public const string Setting = "Network:Scores:PreloadAtStart";

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After start-up: the database is migrated and the hub already answers while this runs.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        try
        {
            var loaded = 0;
            foreach (var readership in new[] { Readership.Public, Readership.Network })
            {
                foreach (var period in await scores.PeriodsAsync(readership, stoppingToken))
                {
                    await scores.ForPeriodAsync(readership, period, cancellationToken: stoppingToken);
                    loaded++;
                }
            }

            LogPreloaded(logger, loaded);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Nothing is lost: each period is then loaded by the first request that needs it. A storage failure is
            // reported by the storage's own health check, not here.
            LogFailed(logger, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Periods} periods into the engine (public and members' views).")]
    private static partial void LogPreloaded(ILogger logger, int periods);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the periods into the engine at start failed ({Error}); each is loaded when first asked for.")]
    private static partial void LogFailed(ILogger logger, string error);
}
