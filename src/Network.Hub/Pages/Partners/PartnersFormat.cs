using System.Globalization;
using Network.Benchmarking;
using Network.Benchmarking.Matching;

namespace Network.Hub.Pages.Partners;

/// <summary>
/// Numbers and sentences of the Partners page, built from the engine's results (its contributions and standings);
/// nothing here ranks or scores.
/// </summary>
public static class PartnersFormat
{
    /// <summary>
    /// A contribution or total as the page prints it: four decimals, like the engine's explanations, so that the
    /// contributions printed add up to the total printed to within the last digit.
    /// </summary>
    public static string Number(double value) => (Math.Round(value, 4) + 0.0).ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A standing or gap in percentile points, one decimal.</summary>
    public static string Standing(double value) => (Math.Round(value, 1) + 0.0).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>A reported value in its unit, e.g. "82.5 %" (the data point first when there is one).</summary>
    public static string Value(PeerValue value, string unit)
    {
        ArgumentNullException.ThrowIfNull(value);
        var number = value.Value.ToString("G6", CultureInfo.InvariantCulture);
        return value.Key.DataPoint is { } point ? $"{point}: {number} {unit}" : $"{number} {unit}";
    }

    /// <summary>A city's own reported value in its unit, e.g. "44.9 %" (the data point first when there is one).</summary>
    public static string Value(ReportedValue value, string unit)
    {
        ArgumentNullException.ThrowIfNull(value);
        var number = value.Value.ToString("G6", CultureInfo.InvariantCulture);
        return value.DataPoint is { } point ? $"{point}: {number} {unit}" : $"{number} {unit}";
    }

    /// <summary>
    /// "Bergen can teach Trondheim about Household Internet Access, Unemployment Rate and 3 more KPIs." from the
    /// contributions of one direction, the largest first; null when that direction has none.
    /// </summary>
    /// <param name="match">The match.</param>
    /// <param name="direction">Which way.</param>
    /// <param name="name">A city's name from its id.</param>
    public static string? Sentence(ComplementaryMatch match, LearningDirection direction, Func<string, string> name)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(name);
        var parts = match.Contributions.Where(c => c.Direction == direction)
            .OrderByDescending(c => c.Contribution).ThenBy(c => c.Kpi.Code, StringComparer.Ordinal).ToList();
        if (parts.Count == 0)
        {
            return null;
        }

        var (teacher, learner) = direction == LearningDirection.PartnerTeaches
            ? (name(match.PartnerId), name(match.CityId))
            : (name(match.CityId), name(match.PartnerId));
        var named = parts.Take(3).Select(c => c.Kpi.Name).ToList();
        var rest = parts.Count - named.Count;
        var list = rest > 0
            ? $"{string.Join(", ", named)} and {rest} more KPI{(rest == 1 ? "" : "s")}"
            : named.Count == 1 ? named[0] : $"{string.Join(", ", named.SkipLast(1))} and {named[^1]}";
        return $"{teacher} can teach {learner} about {list}.";
    }

    /// <summary>
    /// What made two cities similar, in words: the picked KPIs on which they stand closest, e.g. "Closest on Household
    /// Internet Access (82.0 and 85.5)".
    /// </summary>
    public static string Closest(SimilarCity similar, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(similar);
        var closest = similar.Terms
            .OrderBy(t => Math.Abs(t.CityStanding - t.OtherStanding)).ThenBy(t => t.Kpi.Code, StringComparer.Ordinal)
            .Take(count)
            .Select(t => $"{t.Kpi.Name} ({Standing(t.CityStanding)} and {Standing(t.OtherStanding)})");
        return similar.Terms.Count == 0 ? "No shared KPI." : $"Closest on {string.Join("; ", closest)}.";
    }
}
