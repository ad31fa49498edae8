using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;

namespace Network.Hub.OData;

/// <summary>An accepted snapshot as the OData feed shows it (entity type <c>Network.Snapshot</c>, entity set <c>Snapshots</c>).</summary>
public sealed class SnapshotRow
{
    /// <summary>The node's snapshot id.</summary>
    [Key]
    public Guid Id { get; set; }

    /// <summary>The city, e.g. <c>NO-5001</c>.</summary>
    [Required]
    public string CityId { get; set; } = "";

    /// <summary>The reporting period (year).</summary>
    public int Period { get; set; }

    /// <summary><c>preliminary</c>, <c>final</c> or <c>correction</c>.</summary>
    [Required]
    public string Status { get; set; } = "";

    /// <summary>For a correction, the snapshot it supersedes.</summary>
    public Guid? Supersedes { get; set; }

    /// <summary>When the city signed it.</summary>
    public DateTimeOffset IssuedAt { get; set; }

    /// <summary>When the hub stored it (the receipt's time): "as published on date D" means received by D.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The snapshot digest (base64url SHA-256 of the JWS as received).</summary>
    [Required]
    public string Digest { get; set; } = "";

    /// <summary>How many values it holds.</summary>
    public int ValueCount { get; set; }

    /// <summary>Whether it is now the current snapshot of its city and period (the newest the city signed).</summary>
    public bool Current { get; set; }

    /// <summary>The city (navigation, for <c>$expand=City</c>).</summary>
    [Required]
    public CityRow? City { get; set; }

    /// <summary>Its values (navigation, for <c>$expand=Values</c>).</summary>
    [SuppressMessage("Usage", "CA2227:Collection properties should be read only", Justification = "Set by the database projection.")]
    public List<KpiValueRow>? Values { get; set; }
}
