using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Benchmarking;

/// <summary>
/// One KPI (or data point) across every city of a period: a dense column indexed by the period's city
/// index. Columns suit what the engine does most: sort one KPI once for the standings, and scan one KPI
/// over all cities when matching peers.
/// </summary>
internal sealed class Series
{
    // Meta byte per city: 0 = not reported, otherwise 1 + quality * 2 + (verified ? 1 : 0).
    private readonly byte[] _meta;
    private readonly Lazy<KpiDistribution> _distribution;

    public Series(KpiKey key, Kpi kpi, int cityCount, Func<Series, KpiDistribution> distribution)
    {
        Key = key;
        Kpi = kpi;
        Values = new double[cityCount];
        _meta = new byte[cityCount];
        _distribution = new Lazy<KpiDistribution>(() => distribution(this));
    }

    public KpiKey Key { get; }

    public Kpi Kpi { get; }

    /// <summary>The value per city index; meaningful only where <see cref="IsReported"/>.</summary>
    public double[] Values { get; }

    /// <summary>How many cities reported this KPI (data point).</summary>
    public int Count { get; private set; }

    /// <summary>The network's distribution of this KPI, computed on first use by sorting once.</summary>
    public KpiDistribution Distribution => _distribution.Value;

    public bool IsReported(int city) => _meta[city] != 0;

    public DataQuality QualityAt(int city) => (DataQuality)((_meta[city] - 1) >> 1);

    public bool VerifiedAt(int city) => ((_meta[city] - 1) & 1) == 1;

    /// <summary>Stores a value; <see langword="false"/> when the city already has one here.</summary>
    public bool TrySet(int city, double value, DataQuality quality, bool verified)
    {
        if (_meta[city] != 0)
        {
            return false;
        }

        Values[city] = value;
        _meta[city] = (byte)(1 + ((int)quality * 2) + (verified ? 1 : 0));
        Count++;
        return true;
    }

    public ReportedValue ValueAt(int city, string cityId) =>
        new(cityId, Key.Kpi, Key.DataPoint, Values[city], QualityAt(city), VerifiedAt(city));
}
