using System.Collections.Concurrent;
using OpenIddict.Abstractions;

namespace Network.Hub.Identity;

/// <summary>
/// Each OAuth client's token stamp, as this process last read it: whether the client exists and the stamp its tokens
/// must carry (<see cref="ClientRegistry.TokenStampProperty"/>). Checking every request's token against the client
/// row would cost a database read per request; this cache costs one read per client per
/// <see cref="IdentityOptions.ClientStampCacheLifetime"/>. A change made through this process's
/// <see cref="ClientRegistry"/> (a new secret, a removed client, a revoked key) drops the entry at once, so this hub
/// refuses the old tokens from the next request; another hub replica (or a hub whose clients were changed by the admin
/// commands, another process) refuses them once its entry is older than the lifetime.
/// </summary>
public sealed class ClientTokenStamps(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, CachedState> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _lifetime =
        (configuration.GetSection(IdentityOptions.Section).Get<IdentityOptions>() ?? new IdentityOptions()).ClientStampCacheLifetime;

    /// <summary>The client's state: from the cache when read less than the lifetime ago, otherwise from the database.</summary>
    public async ValueTask<ClientTokenState> GetAsync(string clientId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(clientId, out var cached) && now - cached.ReadAt < _lifetime)
        {
            return cached.State;
        }

        ClientTokenState state;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            state = await applications.FindByClientIdAsync(clientId, ct) is { } application
                ? new ClientTokenState(true, await ClientRegistry.TokenStampOfAsync(applications, application, ct))
                : ClientTokenState.Removed;
        }

        // Bounded by the number of clients that ever existed; a removed one stays as Removed until the process ends.
        _entries[clientId] = new CachedState(state, now);
        return state;
    }

    /// <summary>Forgets what was read about <paramref name="clientId"/>: the next token of it is checked against the database.</summary>
    public void Invalidate(string clientId) => _entries.TryRemove(clientId, out _);

    private readonly record struct CachedState(ClientTokenState State, DateTimeOffset ReadAt);
}

/// <summary>What a token of a client is checked against.</summary>
/// <param name="Exists">Whether the client still exists; a removed client's tokens are refused.</param>
/// <param name="Stamp">The stamp its tokens must carry; <see langword="null"/> for a client made before stamps, whose tokens carry none.</param>
public sealed record ClientTokenState(bool Exists, string? Stamp)
{
    /// <summary>A client that does not exist (any more).</summary>
    public static ClientTokenState Removed { get; } = new(false, null);
}
