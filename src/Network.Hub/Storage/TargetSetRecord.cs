namespace Network.Hub.Storage;

/// <summary>A target set a network coordinator loaded from CSV: the file as sent, kept so the set can be read again exactly.</summary>
public sealed class TargetSetRecord
{
    /// <summary>The row id.</summary>
    public int Id { get; init; }

    /// <summary>The set's name, e.g. <c>trondheim-2030-goals</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The set's version; name and version together are unique.</summary>
    public required string Version { get; init; }

    /// <summary>The KPI catalogue version the targets were checked against.</summary>
    public required string CatalogueVersion { get; init; }

    /// <summary>The CSV text in the engine's target-set format, as sent.</summary>
    public required string Csv { get; init; }

    /// <summary>SHA-256 of <see cref="Csv"/> (UTF-8), hex: a repeated upload with the same content is recognised.</summary>
    public required string ContentHash { get; init; }

    /// <summary>How many targets the set holds.</summary>
    public int TargetCount { get; init; }

    /// <summary>When the hub stored it.</summary>
    public DateTimeOffset UploadedAt { get; init; }
}
