namespace Network.Benchmarking.Matching;

/// <summary>
/// For one city and one KPI (or a category of KPIs): the cities that do better on it, the ones most like the city
/// first. Context comes before the size of the lead because a practice travels best between similar places: first
/// the same country (same laws, same national data), then closeness in population (|ln(peer / city)|, so half and
/// double the size are equally far; unknown populations after known ones), then the larger lead, then the city id.
/// </summary>
/// <remarks>
/// "Better" compares KPI standings over the KPIs both cities have a standing on: for one KPI, the peer's standing is
/// higher; for a category, the peer's mean standing over the category's KPIs both have is higher. A city with no
/// standing on any of them has nothing to compare, and the list is empty.
/// </remarks>
internal static class LearnFromWhom
{
    public static IReadOnlyList<BetterPeer> Find(MatchingIndex index, string cityId, string kpiOrCategory, int limit, PeerFilter? filter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kpiOrCategory);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var city = index.CityIndexOf(cityId);
        var columns = Resolve(index, kpiOrCategory);
        var candidates = new List<Candidate>();
        var ownPopulation = index.PopulationAt(city);
        for (var peer = 0; peer < index.CityCount; peer++)
        {
            if (peer == city || (filter is not null && !filter.Admits(index, city, peer)))
            {
                continue;
            }

            double own = 0, theirs = 0;
            var shared = 0;
            foreach (var column in columns)
            {
                var a = index.StandingAt(city, column);
                var b = index.StandingAt(peer, column);
                if (!double.IsNaN(a) && !double.IsNaN(b))
                {
                    own += a;
                    theirs += b;
                    shared++;
                }
            }

            if (shared > 0 && theirs / shared > own / shared)
            {
                var sameCountry = string.Equals(index.CountryAt(peer), index.CountryAt(city), StringComparison.Ordinal);
                var closeness = Math.Abs(Math.Log(index.PopulationAt(peer) / ownPopulation));
                candidates.Add(new Candidate(peer, sameCountry, double.IsNaN(closeness) ? double.PositiveInfinity : closeness, (theirs / shared) - (own / shared)));
            }
        }

        candidates.Sort(static (x, y) =>
            x.SameCountry != y.SameCountry ? (x.SameCountry ? -1 : 1)
            : x.PopulationDistance != y.PopulationDistance ? x.PopulationDistance.CompareTo(y.PopulationDistance)
            : x.Gap != y.Gap ? y.Gap.CompareTo(x.Gap)
            : x.City.CompareTo(y.City));
        return candidates.Take(limit).Select(c => Describe(index, city, c, columns)).ToArray();
    }

    /// <summary>A KPI code, else a category code or name (every node of that name); only KPIs with a direction.</summary>
    internal static int[] Resolve(MatchingIndex index, string kpiOrCategory)
    {
        var catalogue = index.Period.Catalogue;
        var kpis = catalogue.TryGet(kpiOrCategory, out var kpi) ? [kpi] : catalogue.InCategory(kpiOrCategory).ToArray();
        if (kpis.Length == 0)
        {
            throw new ArgumentException($"'{kpiOrCategory}' is neither a KPI code nor a category code or name in the catalogue {catalogue.Version}.", nameof(kpiOrCategory));
        }

        var columns = kpis.Where(k => index.ColumnOf.ContainsKey(k.Code)).Select(k => index.ColumnOf[k.Code]).ToArray();
        return columns.Length > 0
            ? columns
            : throw new ArgumentException($"'{kpiOrCategory}' has no KPI with a direction, so no city does better or worse on it.", nameof(kpiOrCategory));
    }

    private static BetterPeer Describe(MatchingIndex index, int city, Candidate c, int[] columns)
    {
        var kpis = new List<PeerKpi>();
        foreach (var column in columns)
        {
            var own = index.StandingAt(city, column);
            var theirs = index.StandingAt(c.City, column);
            if (!double.IsNaN(own) && !double.IsNaN(theirs))
            {
                kpis.Add(new PeerKpi(index.Columns[column].Kpi, theirs, own, Complementarity.ValuesOf(index, column, c.City)));
            }
        }

        var populations = (index.PopulationAt(c.City), index.PopulationAt(city));
        double? ratio = double.IsNaN(populations.Item1) || double.IsNaN(populations.Item2) || populations.Item2 == 0
            ? null
            : populations.Item1 / populations.Item2;
        double theirSum = 0, ownSum = 0;
        foreach (var k in kpis)
        {
            theirSum += k.Standing;
            ownSum += k.CityStanding;
        }

        var standing = theirSum / kpis.Count;
        var cityStanding = ownSum / kpis.Count;
        return new BetterPeer(index.CityIdAt(c.City), index.ContextAt(c.City), c.SameCountry, ratio, standing, cityStanding, standing - cityStanding, kpis);
    }

    private readonly record struct Candidate(int City, bool SameCountry, double PopulationDistance, double Gap);
}
