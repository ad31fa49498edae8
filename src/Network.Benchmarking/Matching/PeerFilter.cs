namespace Network.Benchmarking.Matching;

/// <summary>
/// Which cities may be proposed as peers, by context. Every condition given must hold; an empty filter admits every
/// city. A population bound excludes cities whose population is unknown: "between 100,000 and 300,000 inhabitants"
/// cannot be claimed for a city nobody has counted.
/// </summary>
/// <param name="SameCountry">Only cities in the asking city's country.</param>
/// <param name="Country">Only cities in this country (ISO 3166-1 alpha-2, e.g. <c>SE</c>).</param>
/// <param name="MinPopulation">Only cities with at least this many inhabitants.</param>
/// <param name="MaxPopulation">Only cities with at most this many inhabitants.</param>
public sealed record PeerFilter(bool SameCountry = false, string? Country = null, long? MinPopulation = null, long? MaxPopulation = null)
{
    /// <summary>Whether the filter admits every city (nothing to check in the scans).</summary>
    internal bool AdmitsAll => !SameCountry && Country is null && MinPopulation is null && MaxPopulation is null;

    /// <summary>Whether the city at index <paramref name="peer"/> may be proposed to the city at <paramref name="city"/>.</summary>
    internal bool Admits(MatchingIndex index, int city, int peer)
    {
        var country = index.CountryAt(peer);
        if (SameCountry && !string.Equals(country, index.CountryAt(city), StringComparison.Ordinal))
        {
            return false;
        }

        if (Country is not null && !string.Equals(country, Country, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (MinPopulation is null && MaxPopulation is null)
        {
            return true;
        }

        var population = index.PopulationAt(peer);
        return !double.IsNaN(population)
            && (MinPopulation is not { } min || population >= min)
            && (MaxPopulation is not { } max || population <= max);
    }
}
