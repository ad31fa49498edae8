namespace Network.Hub.Scoring;

/// <summary>Registers the hub's access to the benchmarking engine.</summary>
public static class ScoringExtensions
{
    /// <summary>Adds <see cref="NetworkScores"/>, its metrics and (unless turned off) the <see cref="EnginePreload"/> at start.</summary>
    public static IHostApplicationBuilder AddScoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EngineLoadMetrics>();
        builder.Services.AddSingleton<NetworkScores>();
        if (builder.Configuration.GetValue(EnginePreload.Setting, defaultValue: true))
        {
            builder.Services.AddHostedService<EnginePreload>();
        }

        return builder;
    }
}
