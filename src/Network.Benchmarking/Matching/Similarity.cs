namespace Network.Benchmarking.Matching;

/// <summary>
/// Similar cities, Kolada-style: the caller picks KPIs and weights, and cities are ranked by a weighted distance on
/// them. The distance is over direction-aware KPI standings (percentiles), not raw values: KPIs in different units
/// become comparable without choosing a normalisation, and one outlier cannot dominate. It is the weighted mean of
/// the absolute standing differences, so it reads as "on average so many percentile points apart" and each KPI's
/// term adds up to it.
/// </summary>
/// <remarks>
/// Missing values: only picked KPIs both cities have a standing on count, the weights renormalised over them, and a
/// city must share at least the minimum (by default half the picked KPIs, rounded up). A missing KPI is never a
/// difference of 0 or of 100; it is left out and named in <see cref="SimilarCity.NotShared"/>.
/// </remarks>
internal static class Similarity
{
    public static IReadOnlyList<SimilarCity> Find(
        MatchingIndex index, string cityId, IEnumerable<KpiWeight> kpis, int limit, PeerFilter? filter, int? minimumShared)
    {
        ArgumentNullException.ThrowIfNull(kpis);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var city = index.CityIndexOf(cityId);
        var picked = Resolve(index, kpis);
        var minimum = minimumShared ?? ((picked.Length + 1) / 2);
        if (minimum < 1 || minimum > picked.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumShared), minimumShared, $"Between 1 and the {picked.Length} picked KPIs.");
        }

        var top = new TopK(limit);
        for (var other = 0; other < index.CityCount; other++)
        {
            if (other != city && (filter is null || filter.Admits(index, city, other)) && Distance(index, city, other, picked, minimum) is { } d)
            {
                top.Offer(-d, other);   // nearer is better
            }
        }

        return Array.ConvertAll(top.Best(), other => Describe(index, city, other, picked));
    }

    private static (int Column, double Weight)[] Resolve(MatchingIndex index, IEnumerable<KpiWeight> kpis)
    {
        var picked = new List<(int, double)>();
        var seen = new HashSet<int>();
        foreach (var kpi in kpis)
        {
            ArgumentNullException.ThrowIfNull(kpi);
            if (!index.ColumnOf.TryGetValue(kpi.Kpi ?? "", out var column))
            {
                throw new ArgumentException(
                    index.Period.Catalogue.TryGet(kpi.Kpi ?? "", out _)
                        ? $"{kpi.Kpi} has no direction (a composition), so cities have no standing on it to compare."
                        : $"The catalogue {index.Period.Catalogue.Version} has no KPI '{kpi.Kpi}'.",
                    nameof(kpis));
            }

            if (!(kpi.Weight > 0 && double.IsFinite(kpi.Weight)))
            {
                throw new ArgumentException($"The weight of {kpi.Kpi} must be a positive number, not {kpi.Weight}.", nameof(kpis));
            }

            if (!seen.Add(column))
            {
                throw new ArgumentException($"{kpi.Kpi} is picked twice.", nameof(kpis));
            }

            picked.Add((column, kpi.Weight));
        }

        return picked.Count > 0 ? picked.ToArray() : throw new ArgumentException("Pick at least one KPI.", nameof(kpis));
    }

    private static double? Distance(MatchingIndex index, int city, int other, (int Column, double Weight)[] picked, int minimum)
    {
        double sum = 0, weights = 0;
        var shared = 0;
        foreach (var (column, weight) in picked)
        {
            var a = index.StandingAt(city, column);
            var b = index.StandingAt(other, column);
            if (!double.IsNaN(a) && !double.IsNaN(b))
            {
                sum += weight * Math.Abs(a - b);
                weights += weight;
                shared++;
            }
        }

        return shared >= minimum ? sum / weights : null;
    }

    private static SimilarCity Describe(MatchingIndex index, int city, int other, (int Column, double Weight)[] picked)
    {
        double weights = 0;
        var notShared = new List<string>();
        foreach (var (column, weight) in picked)
        {
            if (double.IsNaN(index.StandingAt(city, column)) || double.IsNaN(index.StandingAt(other, column)))
            {
                notShared.Add(index.Columns[column].Kpi.Code);
            }
            else
            {
                weights += weight;
            }
        }

        var terms = new List<SimilarityTerm>();
        double distance = 0;
        foreach (var (column, weight) in picked)
        {
            var a = index.StandingAt(city, column);
            var b = index.StandingAt(other, column);
            if (!double.IsNaN(a) && !double.IsNaN(b))
            {
                var term = weight * Math.Abs(a - b) / weights;
                terms.Add(new SimilarityTerm(index.Columns[column].Kpi, weight, a, b, term));
                distance += term;
            }
        }

        return new SimilarCity(index.CityIdAt(other), index.ContextAt(other), distance, terms.Count, terms, notShared);
    }
}
