using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Network.Performance;

/// <summary>
/// Snapshots per second, from the mean time per operation (one operation is one snapshot: the benchmarks set
/// <c>OperationsPerInvoke</c> to the number of snapshots per invocation).
/// </summary>
public sealed class SnapshotsPerSecondColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(SnapshotsPerSecondColumn);

    /// <inheritdoc/>
    public string ColumnName => "Snapshots/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Snapshots (of 91 values) per second: 1 s / Mean";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds and > 0
            ? (1e9 / nanoseconds).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : "?";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>The rate relative to the baseline benchmark's rate (the inverse of BenchmarkDotNet's time Ratio).</summary>
public sealed class RateVersusBaselineColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(RateVersusBaselineColumn);

    /// <inheritdoc/>
    public string ColumnName => "Rate/baseline";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 1;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => "Snapshots/s divided by the baseline's snapshots/s (baseline mean / mean)";

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.BenchmarksCases.FirstOrDefault(b =>
            b.Descriptor.Baseline && b.Descriptor.Type == benchmarkCase.Descriptor.Type);
        var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return baselineMean is > 0 && mean is > 0
            ? (baselineMean.Value / mean.Value).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)
            : "?";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
