using System.Collections.Concurrent;

namespace Network.Contracts.Signing;

/// <summary>A key directory held in memory: for tests, tools and the embedded demo network.</summary>
public sealed class InMemoryKeyDirectory : ICityKeyDirectory
{
    private readonly ConcurrentDictionary<string, RegisteredKey> _keys = new(StringComparer.Ordinal);

    /// <summary>Creates a directory holding <paramref name="keys"/>.</summary>
    public InMemoryKeyDirectory(params IEnumerable<RegisteredKey> keys)
    {
        foreach (var key in keys)
        {
            Add(key);
        }
    }

    /// <summary>Registers a key, replacing one with the same id.</summary>
    public void Add(RegisteredKey key) => _keys[key.KeyId] = key;

    /// <inheritdoc/>
    public ValueTask<RegisteredKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_keys.GetValueOrDefault(keyId));
}
