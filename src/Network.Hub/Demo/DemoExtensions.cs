using Network.Hub.Messaging;

namespace Network.Hub.Demo;

/// <summary>Registers the embedded demo network when it is enabled.</summary>
public static class DemoExtensions
{
    /// <summary>Adds the demo network: on by default on the in-memory bus, off otherwise (see <see cref="DemoOptions"/>).</summary>
    public static IHostApplicationBuilder AddDemoNetwork(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DemoOptions.Section);
        builder.Services.Configure<DemoOptions>(section);
        var enabled = section.Get<DemoOptions>()?.Enabled
            ?? builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>()?.Transport is null or BusTransport.InMemory;
        if (enabled)
        {
            builder.Services.AddSingleton<DemoVerifier>();
            builder.Services.AddSingleton<DemoNetwork>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoNetwork>());
            builder.Services.AddSingleton<DemoPeople>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<DemoPeople>());
            builder.Services.AddHostedService<DemoEnrollment>();
        }

        return builder;
    }
}
