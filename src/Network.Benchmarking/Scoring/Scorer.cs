using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;

namespace Network.Benchmarking.Scoring;

/// <summary>
/// Scores the cities of one period against one target set, the U4SSC way: each reported value as percent of its
/// target, banded into 1–4 points, summed per category, sub-dimension and dimension as a percentage of the
/// maximum; and each value's standing in the network. Build it once per period and target set; it is immutable
/// and safe to share between threads.
/// </summary>
public sealed class Scorer
{
    private readonly KpiPlan[] _plans;

    /// <summary>Prepares scoring of <paramref name="period"/> against <paramref name="targets"/>.</summary>
    /// <exception cref="ArgumentException">The target set was checked against another catalogue version than the period.</exception>
    public Scorer(NetworkPeriod period, TargetSet targets)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(targets);
        if (!string.Equals(period.Catalogue.Version, targets.CatalogueVersion, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The target set {targets} was checked against catalogue {targets.CatalogueVersion}, the period against {period.Catalogue.Version}.",
                nameof(targets));
        }

        Period = period;
        Targets = targets;
        _plans = period.Catalogue.All
            .Select(kpi =>
            {
                var series = period.SeriesOf(kpi.Code);
                return new KpiPlan(kpi, series, Array.ConvertAll(series, s => targets.Find(s.Key)));
            })
            .ToArray();
    }

    /// <summary>The period scored.</summary>
    public NetworkPeriod Period { get; }

    /// <summary>The target set scored against.</summary>
    public TargetSet Targets { get; }

    /// <summary>The score card of one city.</summary>
    /// <exception cref="KeyNotFoundException">The city reported nothing for the period.</exception>
    public ScoreCard Score(string cityId)
    {
        if (!Period.TryGetCityIndex(cityId, out var city))
        {
            throw new KeyNotFoundException($"{cityId} reported no values for {Period.Period}.");
        }

        var kpis = new List<KpiScore>();
        foreach (var plan in _plans)
        {
            if (ScoreKpi(plan, city) is { } score)
            {
                kpis.Add(score);
            }
        }

        var byCode = kpis.ToDictionary(k => k.Code, StringComparer.Ordinal);
        var categories = new List<RollUp>();
        var subDimensions = new List<RollUp>();
        var dimensions = new List<RollUp>();
        foreach (var dimension in Period.Catalogue.Dimensions)
        {
            foreach (var sub in dimension.SubDimensions)
            {
                foreach (var category in sub.Categories)
                {
                    categories.Add(RollUpOf(RollUpLevel.Category, category.Code, category.Name, category.Kpis, byCode));
                }

                subDimensions.Add(RollUpOf(RollUpLevel.SubDimension, sub.Code, sub.Name, sub.Categories.SelectMany(c => c.Kpis), byCode));
            }

            var kpisOfDimension = dimension.SubDimensions.SelectMany(s => s.Categories).SelectMany(c => c.Kpis).ToArray();
            var code = kpisOfDimension[0].Code.Split('-')[0];
            dimensions.Add(RollUpOf(RollUpLevel.Dimension, code, dimension.Name, kpisOfDimension, byCode));
        }

        return new ScoreCard(cityId, Period.Period, Targets, kpis, categories, subDimensions, dimensions);
    }

    /// <summary>The score cards of every city in the period, in city-id order.</summary>
    public IEnumerable<ScoreCard> ScoreAll() => Period.Cities.Select(Score);

    private KpiScore? ScoreKpi(KpiPlan plan, int city)
    {
        List<ValueScore>? values = null;
        for (var i = 0; i < plan.Series.Length; i++)
        {
            var series = plan.Series[i];
            if (series.IsReported(city))
            {
                (values ??= []).Add(ScoreValue(series, plan.Targets[i], city));
            }
        }

        if (values is null)
        {
            return null;
        }

        var points = Mean(values.Where(v => v.Points is not null).Select(v => (double)v.Points!.Value));
        var percentile = Mean(values.Where(v => v.Standing.Percentile is not null).Select(v => v.Standing.Percentile!.Value));
        Band? band = points is { } p ? Bands.Of(100 * p / Bands.MaxPoints) : null;
        return new KpiScore(plan.Kpi, values, points, band, percentile, Explanations.ForKpi(plan.Kpi, values, points, percentile));
    }

    private ValueScore ScoreValue(Series series, Target? target, int city)
    {
        var value = series.Values[city];
        var standing = series.Distribution.StandingAt(city);
        double? percent = target?.PercentReached(value);
        Band? band = percent is { } pct ? Bands.Of(pct) : null;
        return new ValueScore(
            series.Key,
            value,
            series.QualityAt(city),
            series.VerifiedAt(city),
            target,
            percent,
            band is { } b ? Bands.PointsOf(b) : null,
            band,
            standing,
            Explanations.ForValue(series.Kpi, value, target, Targets, percent, band, standing));
    }

    private RollUp RollUpOf(RollUpLevel level, string code, string name, IEnumerable<Kpi> kpisOfNode, Dictionary<string, KpiScore> byCode)
    {
        var reported = new List<KpiScore>();
        var notReported = new List<string>();
        foreach (var kpi in kpisOfNode)
        {
            if (byCode.TryGetValue(kpi.Code, out var score)) { reported.Add(score); } else { notReported.Add(kpi.Code); }
        }

        var scored = reported.Where(k => k.Points is not null).ToArray();
        var points = scored.Sum(k => k.Points!.Value);
        var maxPoints = Bands.MaxPoints * scored.Length;
        double? percentage = maxPoints > 0 ? 100 * points / maxPoints : null;
        Band? band = percentage is { } pct ? Bands.Of(pct) : null;
        var withPercentile = reported.Where(k => k.Percentile is not null).ToArray();
        var meanPercentile = Mean(withPercentile.Select(k => k.Percentile!.Value));
        var explanation = Explanations.ForRollUp(code, name, reported, notReported, points, maxPoints, percentage, band, meanPercentile, withPercentile.Length, Targets);
        return new RollUp(level, code, name, points, maxPoints, percentage, band, meanPercentile, withPercentile.Length, reported, notReported, explanation);
    }

    private static double? Mean(IEnumerable<double> numbers)
    {
        double sum = 0;
        var count = 0;
        foreach (var x in numbers)
        {
            sum += x;
            count++;
        }

        return count == 0 ? null : sum / count;
    }

    /// <summary>A KPI's columns and their targets, looked up once per scorer instead of once per city.</summary>
    private sealed record KpiPlan(Kpi Kpi, Series[] Series, Target?[] Targets);
}
