using Network.Contracts.Catalogue;
using Network.Contracts.Disclosures;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Testing;

/// <summary>
/// Builds valid snapshots for a <see cref="TestCity"/> and signs them; each test changes only what it is about.
/// The default values are Trondheim's real U4SSC figures (UNECE Smart Sustainable City Profile, 2020).
/// </summary>
public sealed class SnapshotBuilder(TestCity city)
{
    private Guid _id = Guid.NewGuid();
    private string _cityId = city.CityId;
    private int _period = 2020;
    private SnapshotStatus _status = SnapshotStatus.Final;
    private Guid? _supersedes;
    private DateTimeOffset _issuedAt = new(2020, 9, 30, 12, 0, 0, TimeSpan.Zero);
    private string _catalogueVersion = KpiCatalogue.CurrentVersion;
    private List<KpiValue> _values =
    [
        Value("EN-EN-AQ-2C", 2.46, "tCO2e per capita per year"),
        Value("EC-P-EM-1C", 1.34, "%"),
        Value("EC-I-WS-3C", 28.42, "%"),
        Value("SC-EH-H-3C", 87.78, "physicians per 100,000 inhabitants"),
    ];

    /// <summary>A measured value with Trondheim-style provenance.</summary>
    public static KpiValue Value(string kpi, double value, string unit, string? dataPoint = null) =>
        new(kpi, dataPoint, value, unit, DataQuality.Measured, "Trondheim kommune", "U4SSC Verification Report - Trondheim (2020)");

#pragma warning disable CS1591 // fluent setters say what they set
    public SnapshotBuilder WithId(Guid id) { _id = id; return this; }
    public SnapshotBuilder ForCity(string cityId) { _cityId = cityId; return this; }
    public SnapshotBuilder ForPeriod(int period) { _period = period; return this; }
    public SnapshotBuilder WithStatus(SnapshotStatus status) { _status = status; return this; }
    public SnapshotBuilder Superseding(Guid? id) { _supersedes = id; return this; }
    public SnapshotBuilder CorrectionOf(Guid id) { _status = SnapshotStatus.Correction; _supersedes = id; return this; }
    public SnapshotBuilder IssuedAt(DateTimeOffset at) { _issuedAt = at; return this; }
    public SnapshotBuilder WithCatalogueVersion(string version) { _catalogueVersion = version; return this; }
    public SnapshotBuilder WithValues(params IEnumerable<KpiValue> values) { _values = [.. values]; return this; }
    public SnapshotBuilder AddValue(KpiValue value) { _values.Add(value); return this; }
#pragma warning restore CS1591

    /// <summary>The snapshot as built.</summary>
    public Snapshot Build() => new(_id, _cityId, _period, _status, _supersedes, _issuedAt, _catalogueVersion, _values.ToArray());

    /// <summary>The snapshot signed with the city's key: a compact JWS.</summary>
    public string Sign() => city.Keys.CreateSigner().Sign(Build());

    /// <summary>The snapshot signed in format 2 with the city's key: notes withheld behind disclosures.</summary>
    public SignedSnapshot SignWithDisclosures() => city.Keys.CreateSigner().SignWithDisclosures(Build());

    /// <summary>The snapshot signed with <paramref name="keys"/> under their key id, whoever they belong to.</summary>
    public string SignWith(CityKeyPair keys) => keys.CreateSigner().Sign(Build());

    /// <summary>The snapshot as an editable header and payload, to be signed with the city's key after a test has broken it.</summary>
    public JwsBuilder Jws() => JwsBuilder.For(Build(), city.Keys);
}
