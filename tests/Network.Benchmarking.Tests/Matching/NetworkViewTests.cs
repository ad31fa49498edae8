using Network.Benchmarking.Matching;

namespace Network.Benchmarking.Tests.Matching;

public sealed class NetworkViewTests
{
    private const string A = "NO-0001", B = "NO-0002", C = "NO-0003";

    // ICT Infrastructure (EC-ICT-ICT): A best on both internet and broadband (100, 100), C worst (0, 0), B middle.
    // Employment (EC-P-EM): unemployment (lower is better) A 100, B 0, C 50 and youth unemployment A 0, B 100, C 50:
    // everyone means 50. Water and Sanitation (EC-ICT-WS): only B and C; B 100, C 0.
    private static PeerMatcher Matcher() => PeerMatcher.Create(new NetworkBuilder()
        .Report("EC-ICT-ICT-1C", (A, 90), (B, 50), (C, 10))
        .Report("EC-ICT-ICT-2C", (A, 90), (B, 50), (C, 10))
        .Report("EC-P-EM-1C", (A, 2), (B, 8), (C, 5))
        .Report("EC-P-EM-2C", (A, 20), (B, 5), (C, 10))
        .Report("EC-ICT-WS-1C", (B, 80), (C, 20))
        .Report("EC-ICT-T-1C", (A, 50))
        .Build());

    [Fact]
    public void Classes_each_category_by_the_mean_standing_of_the_citys_KPIs_in_it()
    {
        var a = Matcher().StrengthsAndGaps(A).ToDictionary(c => c.CategoryCode);
        var c = Matcher().StrengthsAndGaps(C).ToDictionary(x => x.CategoryCode);

        Assert.Equal(27, a.Count);
        Assert.Equal((100.0, 2, StrengthClass.Strength), (a["EC-ICT-ICT"].MeanStanding!.Value, a["EC-ICT-ICT"].KpiCount, a["EC-ICT-ICT"].Class));
        Assert.Equal((50.0, 2, StrengthClass.Neutral), (a["EC-P-EM"].MeanStanding!.Value, a["EC-P-EM"].KpiCount, a["EC-P-EM"].Class));
        Assert.Equal((null, 0, StrengthClass.NotReported), (a["EC-ICT-WS"].MeanStanding, a["EC-ICT-WS"].KpiCount, a["EC-ICT-WS"].Class));
        // A alone reported transport information: no percentile, so no standing and no class.
        Assert.Equal(StrengthClass.NotReported, a["EC-ICT-T"].Class);
        Assert.Equal((0.0, StrengthClass.Gap), (c["EC-ICT-ICT"].MeanStanding!.Value, c["EC-ICT-ICT"].Class));
        Assert.Equal(StrengthClass.Gap, c["EC-ICT-WS"].Class);
        Assert.Equal("Water and Sanitation", c["EC-ICT-WS"].Category);
    }

    [Fact]
    public void Applies_the_thresholds_asked_for_and_lists_every_city_for_the_network()
    {
        var matcher = Matcher();

        Assert.Equal(StrengthClass.Strength, matcher.StrengthsAndGaps(B, strengthAtLeast: 50, gapAtMost: 10).Single(c => c.CategoryCode == "EC-P-EM").Class);
        Assert.Equal(3 * 27, matcher.NetworkStrengthsAndGaps().Count());
        Assert.Equal([A, B, C], matcher.NetworkStrengthsAndGaps().Select(c => c.CityId).Distinct());
        Assert.Throws<ArgumentOutOfRangeException>(() => matcher.StrengthsAndGaps(A, strengthAtLeast: 30, gapAtMost: 30));
    }

    [Fact]
    public void Lists_the_KPIs_too_few_cities_report_fewest_first()
    {
        var thin = Matcher().ThinlyReported(minimumCities: 3);

        // 111 KPIs and data points; 4 reported by all 3 cities, water meters by 2, transport information by 1.
        Assert.Equal(111 - 4, thin.Count);
        Assert.All(thin.Take(105), t => Assert.Equal(0, t.ReportingCount));
        Assert.Equal(("EC-ICT-T-1C", 1), (thin[^2].Key.Kpi, thin[^2].ReportingCount));
        Assert.Equal(("EC-ICT-WS-1C", 2), (thin[^1].Key.Kpi, thin[^1].ReportingCount));
        Assert.DoesNotContain(thin, t => t.Key.Kpi == "EC-ICT-ICT-1C");
        Assert.Equal(new KpiKey("EC-ICT-ICT-3C"), thin[0].Key);   // the first unreported one in catalogue order
        Assert.Equal(new KpiKey("EC-ICT-T-1C"), Matcher().ThinlyReported(minimumCities: 2)[^1].Key);
    }
}
