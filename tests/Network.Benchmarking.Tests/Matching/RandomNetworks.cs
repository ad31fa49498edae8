using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking.Tests.Matching;

/// <summary>Deterministic random networks: every city reports most KPIs, with mixed quality and verification.</summary>
internal static class RandomNetworks
{
    public static NetworkPeriod Create(int cities, int seed, double missing = 0.15, string[]? countries = null)
    {
        countries ??= ["NO", "SE", "DK", "FI"];
        var random = new Random(seed);
        var values = new List<ReportedValue>();
        for (var c = 0; c < cities; c++)
        {
            var city = $"{countries[c % countries.Length]}-{c:00000}";
            foreach (var kpi in KpiCatalogue.Default.All)
            {
                if (random.NextDouble() < missing)
                {
                    continue;
                }

                foreach (var point in kpi.HasDataPoints ? kpi.DataPoints.Cast<string?>() : [null])
                {
                    var max = kpi.Unit.Maximum ?? 1000;
                    var value = kpi.Unit.WholeNumbersOnly ? random.Next(0, (int)max + 1) : Math.Round(random.NextDouble() * max, 2);
                    values.Add(new ReportedValue(city, kpi.Code, point, value, (DataQuality)random.Next(6), random.Next(3) > 0));
                }
            }
        }

        return NetworkPeriod.Create(2020, values);
    }
}
