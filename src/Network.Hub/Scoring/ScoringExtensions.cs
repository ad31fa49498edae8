namespace Network.Hub.Scoring;

/// <summary>Registers the hub's access to the benchmarking engine.</summary>
public static class ScoringExtensions
{
    /// <summary>Adds <see cref="NetworkScores"/>.</summary>
    public static IHostApplicationBuilder AddScoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NetworkScores>();
        return builder;
    }
}
