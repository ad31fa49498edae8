namespace Network.Hub.Limits;

/// <summary>Registers the limits shared by every door that reads.</summary>
public static class LimitsExtensions
{
    /// <summary>Adds the <see cref="CostlyWorkGate"/> with its options from <see cref="CostlyWorkOptions.Section"/>.</summary>
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<CostlyWorkOptions>(builder.Configuration.GetSection(CostlyWorkOptions.Section));
        builder.Services.AddSingleton<CostlyWorkGate>();
        return builder;
    }
}
