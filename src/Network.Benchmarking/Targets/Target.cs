using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Targets;

/// <summary>
/// A benchmark for one KPI (or data point): the value that counts as 100 % of target, and where it came from.
/// </summary>
/// <param name="Key">The KPI (and data point) it applies to.</param>
/// <param name="Direction">The KPI's direction, from the catalogue; never <see cref="Direction.None"/>.</param>
/// <param name="Value">The target, in the KPI's unit; always positive.</param>
/// <param name="Source">Where the number came from (a policy document, an SDG target, a definition).</param>
/// <param name="Note">An optional remark for readers.</param>
public sealed record Target(KpiKey Key, Direction Direction, double Value, string Source, string? Note)
{
    /// <summary>
    /// How far <paramref name="value"/> goes towards this target, in percent of target, 0 to 100 (capped):
    /// <list type="bullet">
    /// <item>higher is better: value / target (at or above the target: 100);</item>
    /// <item>lower is better: target / value (at or below the target, including 0: 100);</item>
    /// <item>target band: min(value / target, target / value), symmetric in ratio (0: 0).</item>
    /// </list>
    /// </summary>
    public double PercentReached(double value) => Direction switch
    {
        Direction.HigherIsBetter => value >= Value ? 100 : 100 * Math.Max(value, 0) / Value,
        Direction.LowerIsBetter => value <= Value ? 100 : 100 * Value / value,
        Direction.TargetBand => 100 * Goodness.Closeness(value, Value),
        _ => throw new InvalidOperationException($"{Key} has no direction, so it has no target."),
    };
}
