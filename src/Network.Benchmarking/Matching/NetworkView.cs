namespace Network.Benchmarking.Matching;

/// <summary>
/// What a coordinator looks at across the network: each city's strengths and gaps by category, and the KPIs too few
/// cities report. (The third view, pairing every city with a learning partner, is <see cref="Pairing"/>.)
/// </summary>
internal static class NetworkView
{
    /// <summary>
    /// One row per category node of the catalogue (27 for U4SSC), in catalogue order: the mean of the city's KPI
    /// standings over the node's KPIs it has a standing on (the same standings matching uses), classed against the
    /// thresholds. Compositions without a direction never count.
    /// </summary>
    public static IReadOnlyList<CategoryStanding> StrengthsAndGaps(MatchingIndex index, int city, double strengthAtLeast, double gapAtMost)
    {
        var rows = new List<CategoryStanding>();
        foreach (var category in index.Period.Catalogue.Dimensions.SelectMany(d => d.SubDimensions).SelectMany(s => s.Categories))
        {
            double sum = 0;
            var count = 0;
            foreach (var kpi in category.Kpis)
            {
                if (index.ColumnOf.TryGetValue(kpi.Code, out var column) && index.StandingAt(city, column) is var s && !double.IsNaN(s))
                {
                    sum += s;
                    count++;
                }
            }

            double? mean = count > 0 ? sum / count : null;
            var @class = mean is not { } m ? StrengthClass.NotReported
                : m >= strengthAtLeast ? StrengthClass.Strength
                : m <= gapAtMost ? StrengthClass.Gap
                : StrengthClass.Neutral;
            rows.Add(new CategoryStanding(index.CityIdAt(city), category.Code, category.Name, mean, count, @class));
        }

        return rows;
    }

    /// <summary>Every KPI (data point) fewer than <paramref name="minimumCities"/> cities reported, fewest first, then in catalogue order.</summary>
    public static IReadOnlyList<ThinKpi> ThinlyReported(NetworkPeriod period, int minimumCities) =>
        period.AllSeries
            .Select((s, order) => (Thin: new ThinKpi(s.Key, s.Kpi, s.Count), order))
            .Where(x => x.Thin.ReportingCount < minimumCities)
            .OrderBy(x => x.Thin.ReportingCount)
            .ThenBy(x => x.order)
            .Select(x => x.Thin)
            .ToArray();
}
