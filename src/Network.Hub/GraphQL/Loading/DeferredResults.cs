using GraphQL.DataLoader;

namespace Network.Hub.GraphQL.Loading;

/// <summary>Shapes a deferred result without waiting for it, so filtering one city's rows keeps the batch intact.</summary>
public static class DeferredResults
{
    /// <summary>A deferred result that applies <paramref name="map"/> to <paramref name="result"/> once it is loaded.</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new Mapped<T, TResult>(result, map);

    private sealed class Mapped<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
