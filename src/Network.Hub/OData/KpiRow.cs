using System.ComponentModel.DataAnnotations;
using Network.Contracts.Catalogue;

namespace Network.Hub.OData;

/// <summary>
/// One KPI of the U4SSC catalogue as the OData feed shows it (entity type <c>Network.Kpi</c>, entity set <c>Kpis</c>).
/// Enumerations are the strings <c>GET /api/kpis</c> uses, so a filter reads <c>Direction eq 'lowerIsBetter'</c>.
/// </summary>
public sealed class KpiRow
{
    /// <summary>The network's code, e.g. <c>EC-ICT-ICT-1C</c>.</summary>
    [Key]
    public string Code { get; set; } = "";

    /// <summary>The code as U4SSC prints it, e.g. <c>EC: ICT: ICT: 1C</c>.</summary>
    [Required]
    public string OfficialCode { get; set; } = "";

    /// <summary>The KPI's name, e.g. <c>Household Internet Access</c>.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>The dimension's name: <c>Economy</c>, <c>Environment</c> or <c>Society and Culture</c>.</summary>
    [Required]
    public string Dimension { get; set; } = "";

    /// <summary>The sub-dimension's name, e.g. <c>ICT</c>.</summary>
    [Required]
    public string SubDimension { get; set; } = "";

    /// <summary>The category node's code, e.g. <c>EC-ICT-WS</c>.</summary>
    [Required]
    public string CategoryCode { get; set; } = "";

    /// <summary>The category's name, e.g. <c>Water and Sanitation</c>.</summary>
    [Required]
    public string Category { get; set; } = "";

    /// <summary>The unit symbol values are reported in, e.g. <c>%</c>.</summary>
    [Required]
    public string Unit { get; set; } = "";

    /// <summary>The data points a value names (e.g. <c>3G, 4G</c>), comma-separated; empty for a KPI reported as one number.</summary>
    [Required]
    public string DataPoints { get; set; } = "";

    /// <summary><c>core</c> or <c>advanced</c>.</summary>
    [Required]
    public string Type { get; set; } = "";

    /// <summary>Which way is better: <c>higherIsBetter</c>, <c>lowerIsBetter</c>, <c>targetBand</c> or <c>none</c>.</summary>
    [Required]
    public string Direction { get; set; } = "";

    /// <summary>The feed's view of <paramref name="kpi"/>.</summary>
    public static KpiRow From(Kpi kpi)
    {
        ArgumentNullException.ThrowIfNull(kpi);
        return new KpiRow
        {
            Code = kpi.Code,
            OfficialCode = kpi.OfficialCode,
            Name = kpi.Name,
            Dimension = KpiCatalogue.NameOf(kpi.Dimension),
            SubDimension = kpi.SubDimension,
            CategoryCode = kpi.CategoryCode,
            Category = kpi.Category,
            Unit = kpi.Unit.Symbol,
            DataPoints = string.Join(", ", kpi.DataPoints),
            Type = kpi.Type == KpiType.Core ? "core" : "advanced",
            Direction = CamelCase(kpi.Direction.ToString()),
        };
    }

    private static string CamelCase(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}
