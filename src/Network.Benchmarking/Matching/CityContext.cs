namespace Network.Benchmarking.Matching;

/// <summary>
/// What the engine knows about a city beyond its values: its country and, when the caller knows it, its population.
/// The engine holds no register of populations, so the caller supplies them; without one, a city's context is its
/// country (the first two letters of its id) and an unknown population.
/// </summary>
/// <param name="CityId">The city, e.g. <c>NO-5001</c>.</param>
/// <param name="Country">The ISO 3166-1 alpha-2 country code, e.g. <c>NO</c>.</param>
/// <param name="Population">Inhabitants; <see langword="null"/> when unknown.</param>
public sealed record CityContext(string CityId, string Country, long? Population = null)
{
    /// <summary>The context read from the city id alone: the country is the id's prefix (<c>NO</c> for <c>NO-5001</c>).</summary>
    /// <param name="cityId">A well-formed city id.</param>
    /// <param name="population">Inhabitants, when known.</param>
    public static CityContext Of(string cityId, long? population = null)
    {
        ArgumentNullException.ThrowIfNull(cityId);
        return new(cityId, cityId.Length >= 2 ? cityId[..2] : cityId, population);
    }
}
