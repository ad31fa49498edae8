using Network.Contracts.Signing;

namespace Network.Testing;

/// <summary>A city with a freshly generated signing key, registered from the start of time.</summary>
public sealed class TestCity : IDisposable
{
    /// <summary>Creates a city with a new P-256 key.</summary>
    public TestCity(string cityId, string name)
    {
        CityId = cityId;
        Name = name;
        Keys = CityKeyPair.Generate();
        Registration = new RegisteredKey(Keys.KeyId, cityId, Keys.PublicJwk, DateTimeOffset.UnixEpoch);
    }

    /// <summary>Trondheim, NO-5001.</summary>
    public static TestCity Trondheim() => new("NO-5001", "Trondheim");

    /// <summary>Bergen, NO-4601.</summary>
    public static TestCity Bergen() => new("NO-4601", "Bergen");

    /// <summary>The city id.</summary>
    public string CityId { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The city's key pair.</summary>
    public CityKeyPair Keys { get; }

    /// <summary>The key as the hub's registry would hold it.</summary>
    public RegisteredKey Registration { get; }

    /// <summary>A snapshot builder for this city, signing with its key.</summary>
    public SnapshotBuilder Snapshot() => new(this);

    /// <inheritdoc/>
    public void Dispose() => Keys.Dispose();
}
