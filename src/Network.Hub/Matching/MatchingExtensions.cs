namespace Network.Hub.Matching;

/// <summary>Registers peer matching (similar cities, complementary partners, whom to learn from, the network's pairing).</summary>
public static class MatchingExtensions
{
    /// <summary>Adds <see cref="NetworkMatchers"/>; needs scoring.</summary>
    public static IHostApplicationBuilder AddMatching(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<NetworkMatchers>();
        return builder;
    }
}
