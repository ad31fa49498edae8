using System.Globalization;
using System.Text;
using Network.Benchmarking.Scoring;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Matching;

/// <summary>The sentences of matching results, in invariant culture like the scoring explanations.</summary>
internal static class MatchWords
{
    // Each sentence is written straight into one buffer: numbers format in place (no intermediate strings), so the
    // explanations of a whole result page cost little more than the result itself.
    public static string ForContribution(MatchContribution c)
    {
        var teaches = c.Direction == LearningDirection.PartnerTeaches;
        var (higher, lower) = teaches ? (c.Partner, c.City) : (c.City, c.Partner);
        var unit = c.Kpi.Unit.Symbol;
        var text = new StringBuilder(512);
        text.Append(Invariant, $"{c.Partner.CityId} can {(teaches ? "teach" : "learn from")} {c.City.CityId} on {c.Kpi.Name} ({c.Kpi.Code}): ")
            .Append(Invariant, $"standing {Num(higher.Standing)} against {Num(lower.Standing)}, {Num(c.Gap)} percentile points apart. ")
            .Append(c.Partner.CityId).Append(": ");
        AppendValues(text, c.Partner, unit);
        text.Append("; ").Append(c.City.CityId).Append(": ");
        AppendValues(text, c.City, unit);
        text.Append(Invariant, $". Weight {Num(c.Partner.Weight)} × {Num(c.City.Weight)} = {Num(c.Weight)}");
        if (c.Discounted)
        {
            text.Append(" (less than 1: ");
            var first = true;
            foreach (var side in (ReadOnlySpan<MatchSide>)[c.Partner, c.City])
            {
                if (side.Weight < 1)
                {
                    text.Append(first ? "" : "; ").Append(side.CityId).Append("'s ");
                    AppendReasons(text, side);
                    first = false;
                }
            }

            text.Append(')');
        }

        text.Append(Invariant, $"; contribution {Num(c.Gap)} / 100 × {Num(c.Weight)} = {Num(c.Contribution)}.");
        return text.ToString();
    }

    public static string ForMatch(ComplementaryMatch m)
    {
        var teach = m.Contributions.Where(c => c.Direction == LearningDirection.PartnerTeaches).ToArray();
        var learn = m.Contributions.Where(c => c.Direction == LearningDirection.PartnerLearns).ToArray();
        var discounted = m.Contributions.Count(c => c.Discounted);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{m.PartnerId} can teach {m.CityId} {Part(m.Teaches, teach)} and learn {Part(m.Learns, learn)}: ")
            .Append(CultureInfo.InvariantCulture, $"mutual benefit {Num(m.Mutual)} over {Kpis(m.SharedKpis)} shared");
        if (discounted > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"; {discounted} of the {m.Contributions.Count} contributions weigh less for estimated or unverified values");
        }

        return text.Append('.').ToString();
    }

    public static string ForBetterPeer(BetterPeer p)
    {
        var context = p.Context.Population is { } population
            ? $"{p.Context.Country}, {population.ToString("N0", CultureInfo.InvariantCulture)} inhabitants"
            : p.Context.Country;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{p.CityId} ({context}) stands at {Num(p.Standing)} against {Num(p.CityStanding)} (+{Num(p.Gap)} percentile points) on {Kpis(p.Kpis.Count)}{(p.SameCountry ? ", in the same country" : "")}.");
    }

    private static string Part(double total, MatchContribution[] parts)
    {
        if (parts.Length == 0)
        {
            return "nothing";
        }

        var most = parts.MaxBy(c => c.Contribution)!;
        return string.Create(Invariant, $"{Num(total)} ({Kpis(parts.Length)}, most in {most.Kpi.Name})");
    }

    private static void AppendValues(StringBuilder text, MatchSide side, string unit)
    {
        for (var i = 0; i < side.Values.Count; i++)
        {
            var v = side.Values[i];
            text.Append(i == 0 ? "" : ", ");
            if (v.Key.DataPoint is not null)
            {
                text.Append(v.Key.DataPoint).Append(' ');
            }

            text.Append(Invariant, $"{v.Value} {unit} ({WireNames.Of(v.Quality)}, {(v.Verified ? "verified" : "unverified")}");
            if (v.Points is { } points && v.Band is { } band)
            {
                text.Append(Invariant, $", {points} points, {Bands.LabelOf(band)}");
            }

            text.Append(')');
        }
    }

    // Which values weigh less than 1, and why: "value is personal-estimate, unverified (weight 0.24)".
    private static void AppendReasons(StringBuilder text, MatchSide side)
    {
        text.Append(side.Values.Count == 1 ? "value is " : "values are ");
        var shown = new List<(DataQuality, bool)>(side.Values.Count);
        foreach (var v in side.Values)
        {
            if (v.QualityWeight < 1 && !shown.Contains((v.Quality, v.Verified)))
            {
                text.Append(shown.Count == 0 ? "" : "; ").Append(WireNames.Of(v.Quality)).Append(v.Verified ? "" : ", unverified");
                shown.Add((v.Quality, v.Verified));
            }
        }

        text.Append(Invariant, $" (weight {Num(side.Weight)})");
    }

    private static string Kpis(int count) => count == 1 ? "1 KPI" : $"{count} KPIs";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Four decimals at most, printed in the shortest form: 33.3333, 100, 0.24. Rounding first and formatting the
    // double in place reads like "0.####" at a fraction of its cost; adding 0 turns −0 into 0.
    private static double Num(double x) => Math.Round(x, 4) + 0.0;
}
