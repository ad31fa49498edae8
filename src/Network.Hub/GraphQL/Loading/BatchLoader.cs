using GraphQL.DataLoader;

namespace Network.Hub.GraphQL.Loading;

/// <summary>
/// Collects the keys that resolvers ask for and loads them in one call. graphql-dotnet runs every field of a
/// level first and completes the <see cref="IDataLoaderResult"/>s they returned afterwards, so by the time the first
/// result is awaited, every key of that level is queued: one fetch serves all of them, and a query's round trips
/// grow with its depth, not with the number of cities. (The GraphQL.DataLoader package is not used: the core
/// package's <see cref="IDataLoaderResult"/> is all the executor needs, and this is the part of it the hub uses.)
/// Thread-safe; one instance per request and per set of arguments.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a city id.</typeparam>
/// <typeparam name="TValue">What one key loads to, e.g. a city's snapshots.</typeparam>
public sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> _fetch;
    private readonly TValue _missing;
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch? _open;

    /// <summary>Creates a loader.</summary>
    /// <param name="fetch">Loads many keys at once; keys it leaves out get <paramref name="missing"/>.</param>
    /// <param name="missing">The value of a key the fetch did not return (e.g. an empty list).</param>
    public BatchLoader(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch, TValue missing)
    {
        _fetch = fetch;
        _missing = missing;
    }

    /// <summary>Queues <paramref name="key"/> and returns a result the executor completes after the current level.</summary>
    public IDataLoaderResult<TValue> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                batch = _open ??= new Batch(this);
                batch.Keys.Add(key);
                _batchOf.Add(key, batch);
            }

            return new Pending(batch, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_open, batch))
            {
                _open = null; // keys asked for from now on (a deeper level) start a new batch
            }

            return batch.Task ??= _fetch(batch.Keys, cancellationToken);
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        public List<TKey> Keys { get; } = [];

        public Task<IReadOnlyDictionary<TKey, TValue>>? Task { get; set; }

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken) => owner.Dispatch(this, cancellationToken);

        public TValue Missing => owner._missing;
    }

    private sealed class Pending(Batch batch, TKey key) : IDataLoaderResult<TValue>
    {
        public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : batch.Missing;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
