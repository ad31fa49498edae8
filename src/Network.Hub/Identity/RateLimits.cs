using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Network.Hub.Identity;

/// <summary>
/// ASP.NET Core rate limiting for anonymous callers, partitioned by client IP address (<see cref="RateLimitOptions"/>).
/// Two stages: the token endpoint is limited on its own before authentication runs (OpenIddict answers a wrong secret
/// there, before any later middleware), every other anonymous request after it, so a valid access token is what
/// exempts a caller, not the mere presence of an <c>Authorization</c> header.
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
            // The token endpoint has its own limit (UseTokenRateLimit): an address that read a lot anonymously can
            // still get the token that lifts the limit.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.Identity?.IsAuthenticated == true || IsTokenRequest(context)
                    ? RateLimitPartition.GetNoLimiter("authenticated or token")
                    : Window("anonymous:" + Address(context), limits.Anonymous));
            options.AddPolicy(EnrollmentPolicy, context => Window("enrollment:" + Address(context), limits.Enrollment));
        });
        return builder;
    }

    /// <summary>The token endpoint's limiter; call before <c>UseAuthentication</c>.</summary>
    public static IApplicationBuilder UseTokenRateLimit(this IApplicationBuilder app)
    {
        var limits = Options(app.ApplicationServices.GetRequiredService<IConfiguration>());
        var options = new RateLimiterOptions
        {
            OnRejected = RejectAsync,
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Window("token:" + Address(context), limits.Token)),
        };
        return app.UseWhen(IsTokenRequest, branch => branch.UseRateLimiter(options));
    }

    private static bool IsTokenRequest(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase);

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

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This address sent more requests than the hub answers anonymously; try again in {seconds} s. Clients with an access token are not limited this way.",
            },
        });
    }
}
