using OpenIddict.Abstractions;

namespace Network.Hub.Identity;

/// <summary>
/// Deletes token rows (and authorization rows) that expired or were revoked more than
/// <see cref="IdentityOptions.TokenPruningKeepFor"/> ago, every <see cref="IdentityOptions.TokenPruningInterval"/>.
/// OpenIddict writes a row for every access token it issues; without this the table only grows, by one row per node
/// per hour and one per guessed-right secret.
/// </summary>
public sealed partial class TokenPruning(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<TokenPruning> logger) : BackgroundService
{
    private readonly IdentityOptions _options = configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions();

    /// <summary>Prunes once: rows created before now minus <see cref="IdentityOptions.TokenPruningKeepFor"/> that are no longer valid.</summary>
    /// <returns>How many token and authorization rows were deleted.</returns>
    public async Task<(long Tokens, long Authorizations)> PruneOnceAsync(CancellationToken ct = default)
    {
        var threshold = time.GetUtcNow() - _options.TokenPruningKeepFor;
        await using var scope = scopes.CreateAsyncScope();
        var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, ct);
        var authorizations = await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, ct);
        return (tokens, authorizations);
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.TokenPruningInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_options.TokenPruningInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var (tokens, authorizations) = await PruneOnceAsync(stoppingToken);
                LogPruned(logger, tokens, authorizations);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next round tries again; a storage failure is reported by the storage's own health, not here.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pruned {Tokens} expired or revoked token rows and {Authorizations} authorization rows.")]
    private static partial void LogPruned(ILogger logger, long tokens, long authorizations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning token rows failed; trying again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
