namespace Network.Hub.Hosting;

/// <summary>
/// The reverse proxy in front of the hub, if any: configuration section <c>Network:ReverseProxy</c>. Off by default:
/// the forwarded headers (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>) are honoured only from the addresses listed
/// here, since any caller can send them. With a proxy listed, the client address the rate limits count by is the one
/// the proxy forwards, and the scheme is the one the client used (https at the proxy).
/// </summary>
public sealed class ReverseProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:ReverseProxy";

    /// <summary>The proxies' IP addresses, e.g. <c>10.0.0.2</c>.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>The networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>How many proxies in a row to honour (entries of <c>X-Forwarded-For</c> read from the right): 1.</summary>
    public int ForwardLimit { get; set; } = 1;

    /// <summary>True when a proxy or network is listed.</summary>
    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

/// <summary>
/// HTTP Strict Transport Security: configuration section <c>Network:Hsts</c>. Off by default (the embedded default
/// speaks plain HTTP on localhost); turned on where the hub is served over HTTPS, directly or behind a proxy that
/// terminates TLS. The header goes on HTTPS responses only, never to localhost.
/// </summary>
public sealed class HstsSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:Hsts";

    /// <summary>Send <c>Strict-Transport-Security</c>: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long browsers remember to use HTTPS only, in days: 365.</summary>
    public int MaxAgeDays { get; set; } = 365;

    /// <summary>Whether the rule covers subdomains too: false.</summary>
    public bool IncludeSubDomains { get; set; }

    /// <summary>Whether to ask for inclusion in browsers' preload lists: false.</summary>
    public bool Preload { get; set; }
}
