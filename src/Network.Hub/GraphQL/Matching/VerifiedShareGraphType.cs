using GraphQL.Types;
using Network.Benchmarking;

namespace Network.Hub.GraphQL.Matching;

/// <summary>How many of one city's values of a period are verified.</summary>
/// <param name="CityId">The city.</param>
/// <param name="Values">Its values in the period's current snapshot (as the engine holds them).</param>
/// <param name="Verified">How many of them are verified.</param>
public sealed record VerifiedShareNode(string CityId, int Values, int Verified)
{
    /// <summary>Verified over values, 0 to 1.</summary>
    public double Share => Values == 0 ? 0 : (double)Verified / Values;

    /// <summary>Every city's share in <paramref name="period"/>, by city id.</summary>
    public static IReadOnlyList<VerifiedShareNode> Of(NetworkPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return [.. period.Cities.Order(StringComparer.Ordinal).Select(city =>
        {
            var values = period.ValuesOf(city).ToList();
            return new VerifiedShareNode(city, values.Count, values.Count(v => v.Verified));
        })];
    }
}

/// <summary>One city's verified share, for the coordinator's view.</summary>
public sealed class VerifiedShareGraphType : ObjectGraphType<VerifiedShareNode>
{
    /// <summary>Defines the fields.</summary>
    public VerifiedShareGraphType()
    {
        Name = "VerifiedShare";
        Description = "How many of a city's current values of the period a U4SSC verifier verified.";
        Field<NonNullGraphType<IdGraphType>>("cityId").Description("The city.").Resolve(c => c.Source.CityId);
        Field<NonNullGraphType<IntGraphType>>("values").Description("Its values in the period's current snapshot.").Resolve(c => c.Source.Values);
        Field<NonNullGraphType<IntGraphType>>("verified").Description("How many of them are verified.").Resolve(c => c.Source.Verified);
        Field<NonNullGraphType<FloatGraphType>>("share").Description("Verified over values, 0 to 1.").Resolve(c => c.Source.Share);
    }
}
