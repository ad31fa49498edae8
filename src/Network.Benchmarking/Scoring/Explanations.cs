using System.Globalization;
using System.Text;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Scoring;

/// <summary>The sentences that explain each result. Numbers in invariant culture, so explanations read the same everywhere.</summary>
internal static class Explanations
{
    public static string ForValue(Kpi kpi, double value, Target? target, TargetSet set, double? percent, Band? band, Standing standing)
    {
        var text = new StringBuilder();
        if (kpi.Direction == Direction.None)
        {
            text.Append(CultureInfo.InvariantCulture, $"{kpi.Code} is a composition without a direction: it has no target and no ranking.");
        }
        else if (target is null || percent is null || band is null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Raw(value)} {kpi.Unit.Symbol}; the target set {set} has no target for it, so it earns no points.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{Raw(value)} {kpi.Unit.Symbol} against the target {Raw(target.Value)} {kpi.Unit.Symbol} from {set} (source: {target.Source}): "
                + $"{Arithmetic(target, value)} = {Pct(percent.Value)} % of target, {Bands.PointsOf(band.Value)} point{(band.Value == Band.LessThan33 ? "" : "s")} ({Bands.LabelOf(band.Value)}).");
        }

        text.Append(' ').Append(ForStanding(standing));
        return text.ToString();
    }

    public static string ForKpi(Kpi kpi, IReadOnlyList<ValueScore> values, double? points, double? percentile)
    {
        if (!kpi.HasDataPoints)
        {
            return values[0].Explanation;
        }

        if (kpi.Direction == Direction.None)
        {
            return $"{kpi.Code} is a composition without a direction: its data points ({string.Join(", ", values.Select(v => v.Key.DataPoint))}) "
                + "have no target and no ranking.";
        }

        var parts = values.Select(v => v.Points is { } p
            ? $"{v.Key.DataPoint} {p}"
            : $"{v.Key.DataPoint} no target").ToArray();
        var pointsText = points is { } mean
            ? $"{Pct(mean)} points: the mean over its data points with a target ({string.Join(", ", parts)})"
            : $"no points: none of its data points has a target ({string.Join(", ", values.Select(v => v.Key.DataPoint))})";
        var percentileText = percentile is { } pc
            ? $"percentile {Pct(pc)}, the mean over {values.Count(v => v.Standing.Percentile is not null)} data point(s)"
            : "no percentile";
        return $"{kpi.Code}: {pointsText}; {percentileText}.";
    }

    public static string ForRollUp(
        string code,
        string name,
        IReadOnlyList<KpiScore> reported,
        IReadOnlyList<string> notReported,
        double points,
        int maxPoints,
        double? percentage,
        Band? band,
        double? meanPercentile,
        int percentileCount,
        TargetSet set)
    {
        var text = new StringBuilder($"{name} ({code}): ");
        var scored = reported.Where(k => k.Points is not null).ToArray();
        if (percentage is { } pct && band is { } b)
        {
            text.Append(CultureInfo.InvariantCulture, $"{Pct(points)} of {maxPoints} points = {Pct(pct)} % ({Bands.LabelOf(b)}), from ")
                .AppendJoin(", ", scored.Select(k => $"{k.Code} {Pct(k.Points!.Value)}"))
                .Append('.');
        }
        else
        {
            text.Append(reported.Count == 0
                ? "no score: the city reported none of its KPIs."
                : $"no score: none of the KPIs the city reported has a target in {set}.");
        }

        var withoutTarget = reported.Where(k => k.Points is null && k.Kpi.Direction != Direction.None).Select(k => k.Code).ToArray();
        if (withoutTarget.Length > 0)
        {
            text.Append(" Not counted, no target: ").AppendJoin(", ", withoutTarget).Append('.');
        }

        var withoutDirection = reported.Where(k => k.Kpi.Direction == Direction.None).Select(k => k.Code).ToArray();
        if (withoutDirection.Length > 0)
        {
            text.Append(" Not counted, a composition without direction: ").AppendJoin(", ", withoutDirection).Append('.');
        }

        if (notReported.Count > 0)
        {
            text.Append(" Not counted, not reported: ").AppendJoin(", ", notReported).Append('.');
        }

        text.Append(meanPercentile is { } mp
            ? $" Mean network percentile {Pct(mp)} over {percentileCount} KPI{(percentileCount == 1 ? "" : "s")}."
            : " No network percentile.");
        return text.ToString();
    }

    private static string ForStanding(Standing standing) =>
        (standing.Percentile, standing.Rank) switch
        {
            (null, null) => $"In the network: {Cities(standing.ReportingCount)} reported it, median {Raw(standing.NetworkMedian)}.",
            (null, _) => "In the network: the only city that reported it, so no percentile.",
            ({ } p, { } rank) => $"In the network: percentile {Pct(p)}, rank {rank} of {standing.ReportingCount} reporting cities, median {Raw(standing.NetworkMedian)}.",
            _ => "",
        };

    private static string Arithmetic(Target target, double value) => target.Direction switch
    {
        Direction.HigherIsBetter when value >= target.Value => "at or above the target (higher is better)",
        Direction.HigherIsBetter => $"{Raw(value)} / {Raw(target.Value)} (higher is better)",
        Direction.LowerIsBetter when value <= target.Value => "at or below the target (lower is better)",
        Direction.LowerIsBetter => $"{Raw(target.Value)} / {Raw(value)} (lower is better)",
        _ => $"the smaller of {Raw(value)} / {Raw(target.Value)} and {Raw(target.Value)} / {Raw(value)} (closest to {Raw(target.Value)} is best)",
    };

    private static string Cities(int count) => count == 1 ? "1 city" : $"{count} cities";

    private static string Raw(double x) => x.ToString(CultureInfo.InvariantCulture);

    private static string Pct(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);
}
