using System.Threading.RateLimiting;
using Network.Hub.Identity;

namespace Network.Hub.People;

/// <summary>
/// The sign-in pages' rate limit per client address (<see cref="RateLimitOptions.SignIn"/>), taken by each posted
/// password or authenticator code before it is checked.
/// </summary>
public sealed class SignInAttempts(IConfiguration configuration) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = RateLimits.SignInLimiter(configuration);

    /// <summary>Takes one attempt for <paramref name="context"/>'s address: <see langword="null"/> when allowed, else the seconds to wait.</summary>
    public int? TryTake(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
    }

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
