using System.Collections.Concurrent;

namespace Network.Hub.Keys;

/// <summary>
/// What a key directory read, remembered for the life of one scope (one message, one request, one batch), so a batch
/// from a few members costs a few queries and a revocation takes effect with the next scope, whichever hub instance or
/// admin command made it. Safe for the parallel verification of a batch: lookups may come from several threads, but
/// only one at a time reaches the scope's database context, which is not used for anything else meanwhile.
/// </summary>
/// <typeparam name="TKey">The registered key as the verifier sees it.</typeparam>
/// <param name="load">Reads one key from the database, or null.</param>
internal sealed class ScopedKeyCache<TKey>(Func<string, CancellationToken, Task<TKey?>> load) : IDisposable
    where TKey : class
{
    private readonly ConcurrentDictionary<string, TKey?> _seen = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _database = new(1, 1);

    /// <summary>The key with this id, from this scope's memory or the database.</summary>
    public async ValueTask<TKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        if (_seen.TryGetValue(keyId, out var known))
        {
            return known;
        }

        await _database.WaitAsync(cancellationToken);
        try
        {
            if (_seen.TryGetValue(keyId, out known))
            {
                return known;
            }

            var key = await load(keyId, cancellationToken);
            _seen[keyId] = key;
            return key;
        }
        finally
        {
            _database.Release();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _database.Dispose();
}
