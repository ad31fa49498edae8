using System.ComponentModel.DataAnnotations;

namespace Network.Hub.OData;

/// <summary>A member city as the OData feed shows it (entity type <c>Network.City</c>, entity set <c>Cities</c>).</summary>
public sealed class CityRow
{
    /// <summary>The city id, e.g. <c>NO-5001</c>.</summary>
    [Key]
    public string Id { get; set; } = "";

    /// <summary>The display name, e.g. <c>Trondheim</c>.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Inhabitants, when known.</summary>
    public int? Population { get; set; }

    /// <summary>Whether the city's data is synthetic demo data.</summary>
    public bool Synthetic { get; set; }

    /// <summary>When the city joined the network.</summary>
    public DateTimeOffset RegisteredAt { get; set; }
}
