namespace Network.Hub.Comparison;

/// <summary>Registers the comparison table service.</summary>
public static class ComparisonExtensions
{
    /// <summary>Adds <see cref="ComparisonTables"/>; it needs the scoring services (<c>AddScoring</c>) and storage.</summary>
    public static IHostApplicationBuilder AddComparison(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ComparisonTables>();
        return builder;
    }
}
