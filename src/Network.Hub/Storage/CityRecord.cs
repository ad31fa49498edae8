namespace Network.Hub.Storage;

/// <summary>A member city of the network.</summary>
public sealed class CityRecord
{
    /// <summary>The city id, e.g. <c>NO-5001</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The display name, e.g. <c>Trondheim</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Inhabitants, as context for comparisons; optional.</summary>
    public int? Population { get; set; }

    /// <summary>Whether the city's data is synthetic (demo cities); shown wherever its values are.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>When the city joined.</summary>
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The city's signing keys, current and past.</summary>
    public List<CityKeyRecord> Keys { get; init; } = [];
}
