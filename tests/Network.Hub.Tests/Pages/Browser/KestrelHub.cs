using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Browser;

/// <summary>The hub on Kestrel at a free port, so that a browser can reach it.</summary>
public sealed class KestrelHub : HubFactory
{
    /// <summary>Starts the hub.</summary>
    public KestrelHub()
    {
        UseKestrel(0);
        StartServer();
    }

    /// <summary>The hub's address without a trailing slash, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Root => Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
}
