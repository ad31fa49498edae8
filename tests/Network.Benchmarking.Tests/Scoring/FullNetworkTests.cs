using Network.Benchmarking.Scoring;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Tests.Scoring;

/// <summary>Twenty cities reporting (almost) every KPI: the invariants every score card keeps.</summary>
public sealed class FullNetworkTests
{
    private static NetworkPeriod TwentyCities()
    {
        var random = new Random(2020);
        var values = new List<ReportedValue>();
        for (var c = 1; c <= 20; c++)
        {
            var city = $"NO-{c:0000}";
            foreach (var kpi in KpiCatalogue.Default.All)
            {
                foreach (var point in kpi.HasDataPoints ? kpi.DataPoints.Cast<string?>() : [null])
                {
                    if (random.NextDouble() < 0.1)
                    {
                        continue;   // about one value in ten is missing
                    }

                    var max = kpi.Unit.Maximum ?? 1000;
                    var value = kpi.Unit.WholeNumbersOnly ? random.Next(0, (int)max + 1) : Math.Round(random.NextDouble() * max, 2);
                    values.Add(new ReportedValue(city, kpi.Code, point, value, (DataQuality)random.Next(6), random.Next(2) == 1));
                }
            }
        }

        return NetworkPeriod.Create(2020, values);
    }

    [Fact]
    public void Keeps_every_score_within_its_range_and_every_roll_up_consistent_with_its_KPIs()
    {
        var period = TwentyCities();
        var cards = new Scorer(period, TargetSet.Default).ScoreAll().ToArray();

        Assert.Equal(20, cards.Length);
        foreach (var card in cards)
        {
            Assert.Equal(period.ValuesOf(card.CityId).Count(), card.Kpis.Sum(k => k.Values.Count));
            foreach (var value in card.Kpis.SelectMany(k => k.Values))
            {
                Assert.InRange(value.Standing.ReportingCount, 1, 20);
                Assert.InRange(value.Standing.Percentile ?? 0, 0, 100);
                Assert.InRange(value.Standing.Rank ?? 1, 1, value.Standing.ReportingCount);
                Assert.Equal(value.Target is null, value.Points is null);
                Assert.InRange(value.PercentOfTarget ?? 0, 0, 100);
            }

            foreach (var rollUp in card.Categories.Concat(card.SubDimensions).Concat(card.Dimensions))
            {
                Assert.Equal(rollUp.Kpis.Sum(k => k.Points ?? 0), rollUp.Points, 9);
                Assert.Equal(4 * rollUp.Kpis.Count(k => k.Points is not null), rollUp.MaxPoints);
                Assert.InRange(rollUp.Percentage ?? 25, 25, 100);   // at least 1 of 4 points per scored KPI
            }

            Assert.Equal(card.Dimensions.Sum(d => d.Points), card.Categories.Sum(c => c.Points), 9);
            Assert.Equal(91, card.Dimensions.Sum(d => d.Kpis.Count + d.NotReported.Count));
        }
    }
}
