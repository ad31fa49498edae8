namespace Network.Hub.Hosting;

/// <summary>
/// Where the hub listens. The standard ASP.NET Core settings decide (<c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>,
/// <c>ASPNETCORE_HTTPS_PORTS</c>, <c>--urls</c>, <c>Urls</c> in configuration, <c>Kestrel:Endpoints</c>); only when none of
/// them is given does the hub listen on <see cref="Default"/>, the address the README and the node's examples use.
/// The default is not written into appsettings.json or launchSettings.json: there it would win over the environment
/// variables a container sets, which is how <c>ASPNETCORE_URLS</c> came to be ignored under <c>dotnet run</c>.
/// </summary>
public static class ListeningAddress
{
    /// <summary>The address when nothing else is configured: <c>http://localhost:5080</c>.</summary>
    public const string Default = "http://localhost:5080";

    /// <summary>
    /// <see cref="Default"/> when <paramref name="configuration"/> names no address, port or Kestrel endpoint; otherwise
    /// null, and the host uses what was given. The web host reads <c>ASPNETCORE_URLS</c> and <c>--urls</c> as the
    /// configuration key <c>urls</c>, and the port variables as <c>http_ports</c> and <c>https_ports</c>.
    /// </summary>
    public static string? DefaultUnlessGiven(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var given = new[] { WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey }
            .Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        return given || endpoints ? null : Default;
    }

    /// <summary>Listens on <see cref="Default"/> unless the configuration says where to listen (<see cref="DefaultUnlessGiven"/>).</summary>
    public static WebApplicationBuilder ListenOnDefaultUnlessGiven(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (DefaultUnlessGiven(builder.Configuration) is { } address)
        {
            builder.WebHost.UseUrls(address);
        }

        return builder;
    }
}
