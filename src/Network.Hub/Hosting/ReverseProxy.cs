using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Network.Hub.Hosting;

/// <summary>
/// Running behind a reverse proxy (<see cref="ReverseProxyOptions"/>) and over HTTPS (<see cref="HstsSettings"/>): both
/// opt-in, both applied first in the pipeline, so the rate limits, the token endpoint's HTTPS requirement and every log
/// line see the client's address and scheme rather than the proxy's.
/// </summary>
public static class ReverseProxy
{
    /// <summary>Registers the forwarded-headers and HSTS options from configuration; an address that does not parse stops the start.</summary>
    public static IHostApplicationBuilder AddReverseProxy(this IHostApplicationBuilder builder)
    {
        var proxy = ProxyOptions(builder.Configuration);
        if (proxy.Enabled)
        {
            var proxies = proxy.KnownProxies.Select(ParseAddress).ToList();
            var networks = proxy.KnownNetworks.Select(ParseNetwork).ToList();
            builder.Services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.ForwardLimit = proxy.ForwardLimit;
                // Only what the operator listed: the defaults (loopback) would trust any process on the machine.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                proxies.ForEach(options.KnownProxies.Add);
                networks.ForEach(options.KnownIPNetworks.Add);
            });
        }

        var hsts = HstsOptionsOf(builder.Configuration);
        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(hsts.MaxAgeDays);
            options.IncludeSubDomains = hsts.IncludeSubDomains;
            options.Preload = hsts.Preload;
        });
        return builder;
    }

    /// <summary>Honours the forwarded headers of the configured proxies, then adds HSTS when enabled. Call first.</summary>
    public static WebApplication UseReverseProxy(this WebApplication app)
    {
        if (ProxyOptions(app.Configuration).Enabled)
        {
            app.UseForwardedHeaders();
        }

        if (HstsOptionsOf(app.Configuration).Enabled)
        {
            app.UseHsts();
        }

        return app;
    }

    private static ReverseProxyOptions ProxyOptions(IConfiguration configuration) =>
        configuration.GetSection(ReverseProxyOptions.Section).Get<ReverseProxyOptions>() ?? new ReverseProxyOptions();

    private static HstsSettings HstsOptionsOf(IConfiguration configuration) =>
        configuration.GetSection(HstsSettings.Section).Get<HstsSettings>() ?? new HstsSettings();

    private static IPAddress ParseAddress(string text) =>
        IPAddress.TryParse(text.Trim(), out var address)
            ? address
            : throw new StartupFailureException($"{ReverseProxyOptions.Section}:KnownProxies holds '{text}', which is not an IP address (e.g. 10.0.0.2): correct it.");

    private static System.Net.IPNetwork ParseNetwork(string text) =>
        System.Net.IPNetwork.TryParse(text.Trim(), out var network)
            ? network
            : throw new StartupFailureException($"{ReverseProxyOptions.Section}:KnownNetworks holds '{text}', which is not a network in CIDR notation (e.g. 10.0.0.0/24): correct it.");
}
