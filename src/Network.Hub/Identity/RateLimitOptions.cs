namespace Network.Hub.Identity;

/// <summary>
/// Limits on what anonymous callers may ask of the hub, per client IP address: configuration section
/// <c>Network:RateLimits</c>. Requests with a valid access token are not limited here. Over a limit, the answer is
/// <c>429</c> ProblemDetails with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:RateLimits";

    /// <summary>Every anonymous request (reads, the home page, health): generous, against scraping loops and floods.</summary>
    public WindowLimit Anonymous { get; set; } = new() { PermitLimit = 600, Window = TimeSpan.FromMinutes(1) };

    /// <summary>The token endpoint: against guessing client secrets. A node needs one token an hour.</summary>
    public WindowLimit Token { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Enrollment requests: a city enrolls once, or again after setting up its node anew.</summary>
    public WindowLimit Enrollment { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(10) };

    /// <summary>
    /// Sign-in attempts (passwords and authenticator codes posted to the sign-in pages), against guessing passwords
    /// across accounts; each account also locks after 5 failures in a row. Counted whether or not the caller is signed in.
    /// </summary>
    public WindowLimit SignIn { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };
}

/// <summary>A fixed-window limit: at most <see cref="PermitLimit"/> requests per <see cref="Window"/> from one address.</summary>
public sealed class WindowLimit
{
    /// <summary>Requests allowed per window.</summary>
    public int PermitLimit { get; set; }

    /// <summary>The window's length.</summary>
    public TimeSpan Window { get; set; }
}
