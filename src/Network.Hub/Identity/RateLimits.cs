using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Network.Hub.Problems;

namespace Network.Hub.Identity;

/// <summary>
/// ASP.NET Core rate limiting for anonymous callers, partitioned by client IP address (<see cref="RateLimitOptions"/>).
/// No limit is keyed on a path string: the token endpoint's limit sits inside the authorization server, on whatever
/// request OpenIddict takes for its token endpoint, before it checks a secret (<see cref="TokenRateLimit"/>); the
/// enrollment limit is a named policy attached to its endpoint; every other anonymous request is limited after
/// authentication, so a valid access token is what exempts a caller, not the mere presence of an
/// <c>Authorization</c> header. Endpoints limited elsewhere opt out with <c>DisableRateLimiting()</c> metadata.
/// </summary>
public static class RateLimits
{
    /// <summary>The endpoint policy for enrollment requests.</summary>
    public const string EnrollmentPolicy = "enrollment";

    /// <summary>Registers the limiters from configuration.</summary>
    public static IHostApplicationBuilder AddRateLimits(this IHostApplicationBuilder builder)
    {
        var limits = Options(builder.Configuration);
        builder.Services.AddRateLimiter(options =>
        {
            options.OnRejected = RejectAsync;
            // The token endpoint has its own limit (TokenRateLimit) and opts out of this one by its endpoint's metadata:
            // an address that read a lot anonymously can still get the token that lifts the limit.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true
                    ? RateLimitPartition.GetNoLimiter("authenticated")
                    : Window("anonymous:" + Address(context), limits.Anonymous));
            options.AddPolicy(EnrollmentPolicy, context => Window("enrollment:" + Address(context), limits.Enrollment));
        });
        return builder;
    }

    /// <summary>The token endpoint's limiter, per client address (<see cref="RateLimitOptions.Token"/>).</summary>
    internal static PartitionedRateLimiter<HttpContext> TokenLimiter(IConfiguration configuration)
    {
        var limit = Options(configuration).Token;
        return PartitionedRateLimiter.Create<HttpContext, string>(context => Window("token:" + Address(context), limit));
    }

    /// <summary>The sign-in pages' limiter, per client address (<see cref="RateLimitOptions.SignIn"/>).</summary>
    internal static PartitionedRateLimiter<HttpContext> SignInLimiter(IConfiguration configuration)
    {
        var limit = Options(configuration).SignIn;
        return PartitionedRateLimiter.Create<HttpContext, string>(context => Window("sign-in:" + Address(context), limit));
    }

    private static RateLimitOptions Options(IConfiguration configuration) =>
        configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();

    private static RateLimitPartition<string> Window(string key, WindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
        });

    // Behind a reverse proxy every request comes from the proxy's address unless the forwarded headers are honoured.
    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken) =>
        WriteTooManyRequestsAsync(rejected.HttpContext, rejected.Lease);

    /// <summary>Answers 429 ProblemDetails with <c>Retry-After</c> from the refused <paramref name="lease"/>.</summary>
    internal static async ValueTask WriteTooManyRequestsAsync(HttpContext context, RateLimitLease lease)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        await HubProblem.TooManyRequests(seconds).WriteAsync(context);
    }
}
