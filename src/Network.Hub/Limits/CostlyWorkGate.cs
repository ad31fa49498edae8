using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Network.Hub.Limits;

/// <summary>
/// The process-wide limit on costly reads (<see cref="CostlyWorkOptions"/>): a door that has estimated a request as
/// costly asks for a slot before doing the work, holds it until the work is done, and answers 503 with
/// <c>Retry-After</c> when none came free in time. Cheap requests never ask, so a burst of costly reads cannot starve
/// ingestion, <c>/health</c> or cheap reads. One instance per process (a singleton).
/// </summary>
public sealed class CostlyWorkGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;

    /// <summary>Creates the gate from its options.</summary>
    public CostlyWorkGate(IOptions<CostlyWorkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Value;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, Options.MaxConcurrent),
            QueueLimit = Math.Max(0, Options.MaxQueued),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The limits in force.</summary>
    public CostlyWorkOptions Options { get; }

    /// <summary>
    /// Waits up to <see cref="CostlyWorkOptions.QueueTimeout"/> for a slot. Returns the slot, to dispose when the work
    /// is done, or <see langword="null"/> when the hub is busy: answer 503 with <see cref="RetryAfterSeconds"/>.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller went away while waiting.</exception>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(Options.QueueTimeout);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // waited long enough
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    /// <summary>The <c>Retry-After</c> value, in whole seconds, for a refused costly read.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(Options.RetryAfter.TotalSeconds));

    /// <inheritdoc/>
    public void Dispose() => _limiter.Dispose();
}
