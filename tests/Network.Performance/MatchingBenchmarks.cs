using System.Numerics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Network.Benchmarking;
using Network.Benchmarking.Matching;
using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Performance;

/// <summary>
/// Peer matching on synthetic networks of 1,000, 10,000 and 100,000 cities × the 91 U4SSC KPIs (each city reports
/// 70–91 of them, mixed data quality, three in four values verified; deterministic):
/// <list type="bullet">
/// <item><see cref="Floor"/>: the floor, one plain vectorised pass summing a cities × 91 matrix of floats, the element
/// type of the matching index. Nothing that reads every city's KPIs can beat it.</item>
/// <item><see cref="Top10Partners"/>: the 10 best complementary partners of one city with their explanations (every
/// contributing KPI with both cities' values, standings, quality, weights), as the API returns them.</item>
/// <item><see cref="Top10PartnersRendered"/>: the same, with every summary and per-KPI sentence rendered as text too.</item>
/// <item><see cref="BuildIndex"/>: <see cref="PeerMatcher.Create"/> on a period fresh from <see cref="NetworkPeriod.Create"/>,
/// so it includes sorting every KPI column for the standings: the one-time cost per period.</item>
/// <item><see cref="PairThousand"/>: the exact pairing (blossom) of 1,000 of the cities.</item>
/// </list>
/// </summary>
[Config(typeof(ShortJob))]
public class MatchingBenchmarks
{
    private const int PairedCities = 1_000;

    private List<ReportedValue> _values = [];
    private NetworkPeriod _period = null!;
    private PeerMatcher _matcher = null!;
    private float[] _matrix = [];
    private string _city = "";
    private string[] _thousand = [];

    /// <summary>Cities in the network.</summary>
    [Params(1_000, 10_000, 100_000)]
    public int Cities { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _values = Synthetic(Cities, seed: 91);
        _period = NetworkPeriod.Create(2024, _values);
        _matcher = PeerMatcher.Create(_period);
        _city = _period.Cities[Cities / 2];
        _thousand = _period.Cities.Take(PairedCities).ToArray();
        var random = new Random(1);
        _matrix = new float[Cities * KpiCatalogue.Default.All.Count];
        for (var i = 0; i < _matrix.Length; i++)
        {
            _matrix[i] = (float)(random.NextDouble() * 100);
        }
    }

    /// <summary>The floor: sum every element of a cities × 91 float matrix with SIMD vectors.</summary>
    [Benchmark(Baseline = true)]
    public float Floor()
    {
        var vectors = System.Runtime.InteropServices.MemoryMarshal.Cast<float, Vector<float>>(_matrix);
        var sum = Vector<float>.Zero;
        foreach (var v in vectors)
        {
            sum += v;
        }

        var total = Vector.Sum(sum);
        for (var i = vectors.Length * Vector<float>.Count; i < _matrix.Length; i++)
        {
            total += _matrix[i];
        }

        return total;
    }

    /// <summary>Top 10 complementary partners of one city, with their structured explanations.</summary>
    [Benchmark]
    public int Top10Partners() => _matcher.ComplementaryPartners(_city, limit: 10).Sum(m => m.Contributions.Count);

    /// <summary>Top 10 complementary partners of one city, with every explanation rendered as text.</summary>
    [Benchmark]
    public int Top10PartnersRendered()
    {
        var length = 0;
        foreach (var match in _matcher.ComplementaryPartners(_city, limit: 10))
        {
            length += match.Summary.Length;
            foreach (var contribution in match.Contributions)
            {
                length += contribution.Explanation.Length;
            }
        }

        return length;
    }

    [IterationSetup(Target = nameof(BuildIndex))]
    public void FreshPeriod() => _period = NetworkPeriod.Create(2024, _values);

    /// <summary>The matching index of a fresh period (its standings sorted on the way).</summary>
    [Benchmark]
    public PeerMatcher BuildIndex() => PeerMatcher.Create(_period);

    /// <summary>The exact maximum-weight pairing of 1,000 cities.</summary>
    [Benchmark]
    public int PairThousand() => _matcher.PairAll(_thousand).Pairs.Count;

    // Each city has its own level (some cities do well across the board) and reports 70–91 of the KPIs; a value is
    // measured half the time and otherwise of one of the five lower classes; three in four are verified.
    internal static List<ReportedValue> Synthetic(int cities, int seed)
    {
        var random = new Random(seed);
        var countries = new[] { "NO", "SE", "DK", "FI", "IS", "DE", "NL", "ES" };
        var values = new List<ReportedValue>(cities * 100);
        foreach (var c in Enumerable.Range(0, cities))
        {
            var city = $"{countries[c % countries.Length]}-{c:000000}";
            var level = random.NextDouble();
            var reports = 70 + random.Next(22);
            var kpis = KpiCatalogue.Default.All.OrderBy(_ => random.Next()).Take(reports);
            foreach (var kpi in kpis)
            {
                foreach (var point in kpi.HasDataPoints ? kpi.DataPoints.Cast<string?>() : [null])
                {
                    var max = kpi.Unit.Maximum ?? 1000;
                    var share = Math.Clamp((0.6 * level) + (0.4 * random.NextDouble()), 0, 1);
                    var value = kpi.Unit.WholeNumbersOnly ? Math.Round(share * max) : Math.Round(share * max, 2);
                    var quality = random.Next(2) == 0 ? DataQuality.Measured : (DataQuality)(1 + random.Next(5));
                    values.Add(new ReportedValue(city, kpi.Code, point, value, quality, random.Next(4) > 0));
                }
            }
        }

        return values;
    }

    /// <summary>
    /// A short job: the machine is shared, and the slow cases (index build and pairing, about a second or more) need no
    /// more. In process, like the ingestion benchmarks, so no separate project is generated and built.
    /// </summary>
    public sealed class ShortJob : ManualConfig
    {
        public ShortJob()
        {
            AddJob(Job.Default
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(5)
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
                .WithId("Short"));
            AddDiagnoser(MemoryDiagnoser.Default);
            AddColumn(StatisticColumn.Median);
        }
    }
}
