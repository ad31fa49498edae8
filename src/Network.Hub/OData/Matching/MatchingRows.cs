using Network.Benchmarking.Matching;

namespace Network.Hub.OData.Matching;

/// <summary>A row computed by the engine on a basis, which it states.</summary>
public interface IScoredRow
{
    /// <summary>
    /// Which values the engine counted: <c>asReported</c> (every reported value, the default) or <c>asVerified</c>
    /// (only verified values; the query option <c>basis=asVerified</c>).
    /// </summary>
    string Basis { get; set; }
}

/// <summary>A complementary partner of a city, one row per partner (function <c>PeerMatches</c>).</summary>
public sealed class PeerMatchRow : IScoredRow
{
    /// <inheritdoc/>
    public string Basis { get; set; } = "";

    /// <summary>The city asking.</summary>
    public required string CityId { get; init; }

    /// <summary>The partner.</summary>
    public required string PartnerId { get; init; }

    /// <summary>1 for the most mutually beneficial partner.</summary>
    public required int Rank { get; init; }

    /// <summary>The mutual benefit (symmetric).</summary>
    public required double Mutual { get; init; }

    /// <summary>What the partner can teach the city: the sum of its contributions.</summary>
    public required double Teaches { get; init; }

    /// <summary>What the partner can learn from the city.</summary>
    public required double Learns { get; init; }

    /// <summary>KPIs both reported.</summary>
    public required int SharedKpis { get; init; }

    /// <summary>The match in one sentence.</summary>
    public required string Summary { get; init; }

    internal static PeerMatchRow From(ComplementaryMatch m, int rank) => new()
    {
        CityId = m.CityId, PartnerId = m.PartnerId, Rank = rank, Mutual = m.Mutual, Teaches = m.Teaches, Learns = m.Learns,
        SharedKpis = m.SharedKpis, Summary = m.Summary,
    };
}

/// <summary>One KPI of a complementary match (function <c>MatchContributions</c>): the explanation, row by row.</summary>
public sealed class MatchContributionRow : IScoredRow
{
    /// <inheritdoc/>
    public string Basis { get; set; } = "";

    /// <summary>The city asking.</summary>
    public required string CityId { get; init; }

    /// <summary>The partner.</summary>
    public required string PartnerId { get; init; }

    /// <summary>The KPI.</summary>
    public required string KpiCode { get; init; }

    /// <summary>The KPI's name.</summary>
    public required string KpiName { get; init; }

    /// <summary><c>PartnerTeaches</c> or <c>PartnerLearns</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The city's standing (0-100).</summary>
    public required double CityStanding { get; init; }

    /// <summary>The partner's standing (0-100).</summary>
    public required double PartnerStanding { get; init; }

    /// <summary>The city's value (the first data point's, for KPIs reported in parts).</summary>
    public double? CityValue { get; init; }

    /// <summary>The partner's value.</summary>
    public double? PartnerValue { get; init; }

    /// <summary>The standing gap in percentile points.</summary>
    public required double Gap { get; init; }

    /// <summary>The quality weight (below 1 for estimated or unverified values).</summary>
    public required double Weight { get; init; }

    /// <summary>Gap / 100 × weight: what it adds to teaches or learns.</summary>
    public required double Contribution { get; init; }

    /// <summary>The same in words.</summary>
    public required string Explanation { get; init; }

    internal static MatchContributionRow From(ComplementaryMatch m, MatchContribution c) => new()
    {
        CityId = m.CityId, PartnerId = m.PartnerId, KpiCode = c.Kpi.Code, KpiName = c.Kpi.Name, Direction = c.Direction.ToString(),
        CityStanding = c.City.Standing, PartnerStanding = c.Partner.Standing,
        CityValue = c.City.Values.Count > 0 ? c.City.Values[0].Value : null,
        PartnerValue = c.Partner.Values.Count > 0 ? c.Partner.Values[0].Value : null,
        Gap = c.Gap, Weight = c.Weight, Contribution = c.Contribution, Explanation = c.Explanation,
    };
}

/// <summary>A city that does better on a KPI or category (function <c>LearnFrom</c>).</summary>
public sealed class LearnFromRow : IScoredRow
{
    /// <inheritdoc/>
    public string Basis { get; set; } = "";

    /// <summary>The city asking.</summary>
    public required string CityId { get; init; }

    /// <summary>The better-performing city.</summary>
    public required string PeerId { get; init; }

    /// <summary>1 for the closest in context.</summary>
    public required int Rank { get; init; }

    /// <summary>Whether it is in the same country.</summary>
    public required bool SameCountry { get; init; }

    /// <summary>Its standing.</summary>
    public required double Standing { get; init; }

    /// <summary>The asking city's standing.</summary>
    public required double CityStanding { get; init; }

    /// <summary>How much better, in percentile points.</summary>
    public required double Gap { get; init; }

    /// <summary>The same in words.</summary>
    public required string Summary { get; init; }
}

/// <summary>A city's standing in one category (function <c>StrengthsAndGaps</c>).</summary>
public sealed class CategoryStandingRow : IScoredRow
{
    /// <inheritdoc/>
    public string Basis { get; set; } = "";

    /// <summary>The city.</summary>
    public required string CityId { get; init; }

    /// <summary>The category's code.</summary>
    public required string CategoryCode { get; init; }

    /// <summary>The category's name.</summary>
    public required string Category { get; init; }

    /// <summary>The mean standing over its reported KPIs; null when none.</summary>
    public double? MeanStanding { get; init; }

    /// <summary>How many of the category's KPIs it reported.</summary>
    public required int KpiCount { get; init; }

    /// <summary><c>Strength</c>, <c>Neutral</c>, <c>Gap</c> or <c>NotReported</c>.</summary>
    public required string Class { get; init; }
}
