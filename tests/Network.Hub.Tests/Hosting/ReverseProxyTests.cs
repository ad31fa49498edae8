using System.Net;
using Microsoft.AspNetCore.Http;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy the hub honours X-Forwarded-For and X-Forwarded-Proto from the proxies it is told of, and
/// from no one else, before the rate limits count, so each client behind the proxy has its own allowance; HSTS goes
/// on HTTPS responses when turned on. Requests are made through the test server with the connection's remote address
/// set, as Kestrel would set it.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Proxy = "10.0.0.2";

    private static Dictionary<string, string?> Limited(Dictionary<string, string?> settings)
    {
        settings["Network:RateLimits:Anonymous:PermitLimit"] = "2";
        settings["Network:RateLimits:Anonymous:Window"] = "00:10:00";
        return settings;
    }

    [Fact]
    public async Task Each_client_behind_a_known_proxy_has_its_own_rate_limit()
    {
        await using var hub = new HubFactory(Limited(new() { ["Network:ReverseProxy:KnownProxies:0"] = Proxy }));

        var statuses = new List<int>();
        foreach (var client in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            statuses.Add(await GetAsync(hub, from: Proxy, forwardedFor: client));
            statuses.Add(await GetAsync(hub, from: Proxy, forwardedFor: client));
        }

        Assert.All(statuses, status => Assert.Equal(StatusCodes.Status200OK, status));
        Assert.Equal(StatusCodes.Status429TooManyRequests, await GetAsync(hub, from: Proxy, forwardedFor: "198.51.100.1"));
    }

    [Fact]
    public async Task A_known_network_is_honoured_like_a_known_proxy()
    {
        await using var hub = new HubFactory(Limited(new() { ["Network:ReverseProxy:KnownNetworks:0"] = "10.0.0.0/24" }));

        foreach (var client in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            Assert.Equal(StatusCodes.Status200OK, await GetAsync(hub, from: "10.0.0.77", forwardedFor: client));
        }
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_configured()
    {
        // Otherwise any caller could pick a fresh address per request and never be limited.
        await using var hub = new HubFactory(Limited([]));

        var statuses = new List<int>();
        foreach (var client in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            statuses.Add(await GetAsync(hub, from: Proxy, forwardedFor: client));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_known_proxy_are_ignored()
    {
        await using var hub = new HubFactory(Limited(new() { ["Network:ReverseProxy:KnownProxies:0"] = Proxy }));

        var statuses = new List<int>();
        foreach (var client in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
        {
            statuses.Add(await GetAsync(hub, from: "192.0.2.9", forwardedFor: client));
        }

        Assert.Equal(StatusCodes.Status429TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task HSTS_goes_on_https_responses_when_enabled()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:ReverseProxy:KnownProxies:0"] = Proxy,
            ["Network:Hsts:Enabled"] = "true",
            ["Network:Hsts:MaxAgeDays"] = "180",
        });

        var https = await SendAsync(hub, from: Proxy, forwardedFor: "198.51.100.1", forwardedProto: "https");
        var http = await SendAsync(hub, from: Proxy, forwardedFor: "198.51.100.1", forwardedProto: null);

        Assert.Equal("max-age=15552000", https.Response.Headers.StrictTransportSecurity.ToString());
        Assert.Equal("https", https.Request.Scheme);
        Assert.False(http.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    [Fact]
    public async Task HSTS_is_off_by_default()
    {
        await using var hub = new HubFactory(new Dictionary<string, string?> { ["Network:ReverseProxy:KnownProxies:0"] = Proxy });

        var https = await SendAsync(hub, from: Proxy, forwardedFor: "198.51.100.1", forwardedProto: "https");

        Assert.Equal("https", https.Request.Scheme);
        Assert.False(https.Response.Headers.ContainsKey("Strict-Transport-Security"));
    }

    private static async Task<int> GetAsync(HubFactory hub, string from, string forwardedFor) =>
        (await SendAsync(hub, from, forwardedFor, forwardedProto: null)).Response.StatusCode;

    private static Task<HttpContext> SendAsync(HubFactory hub, string from, string forwardedFor, string? forwardedProto) =>
        hub.Server.SendAsync(context =>
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.Path = "/api/kpis";
            context.Request.Host = new HostString("hub.example.org");
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            if (forwardedProto is not null)
            {
                context.Request.Headers["X-Forwarded-Proto"] = forwardedProto;
            }
        }, TestContext.Current.CancellationToken);
}
