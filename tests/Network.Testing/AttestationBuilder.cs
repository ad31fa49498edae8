using Network.Contracts.Attestations;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;

namespace Network.Testing;

/// <summary>
/// Builds valid attestations of one signed snapshot by a <see cref="TestVerifier"/> and signs them; each test changes
/// only what it is about. By default every value of the snapshot is verified.
/// </summary>
public sealed class AttestationBuilder
{
    private readonly TestVerifier _verifier;
    private Guid _id = Guid.NewGuid();
    private string _verifierId;
    private string _digest;
    private Guid _snapshotId;
    private string _cityId;
    private int _period;
    private string _method = "U4SSC KPI verification (ITU, 2022)";
    private string? _report = "U4SSC Verification Report - Trondheim (2020)";
    private DateTimeOffset _issuedAt = new(2020, 10, 1, 7, 0, 0, TimeSpan.Zero);
    private List<Verdict> _verdicts;

    /// <summary>An attestation by <paramref name="verifier"/> of <paramref name="snapshot"/>, whose JWS has <paramref name="digest"/>.</summary>
    public AttestationBuilder(TestVerifier verifier, Snapshot snapshot, string digest)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(snapshot);
        _verifier = verifier;
        _verifierId = verifier.VerifierId;
        _digest = digest;
        _snapshotId = snapshot.SnapshotId;
        _cityId = snapshot.CityId;
        _period = snapshot.Period;
        _verdicts = snapshot.Values.Select(v => On(v)).ToList();
    }

    /// <summary>A verdict on <paramref name="value"/>.</summary>
    public static Verdict On(KpiValue value, VerdictOutcome outcome = VerdictOutcome.Verified, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Verdict(value.Kpi, value.DataPoint, value.Value, value.Unit, outcome, reason);
    }

#pragma warning disable CS1591 // fluent setters say what they set
    public AttestationBuilder WithId(Guid id) { _id = id; return this; }
    public AttestationBuilder ByVerifier(string verifierId) { _verifierId = verifierId; return this; }
    public AttestationBuilder WithDigest(string digest) { _digest = digest; return this; }
    public AttestationBuilder ForSnapshotId(Guid id) { _snapshotId = id; return this; }
    public AttestationBuilder ForCity(string cityId) { _cityId = cityId; return this; }
    public AttestationBuilder ForPeriod(int period) { _period = period; return this; }
    public AttestationBuilder WithMethod(string method) { _method = method; return this; }
    public AttestationBuilder WithReport(string? report) { _report = report; return this; }
    public AttestationBuilder IssuedAt(DateTimeOffset at) { _issuedAt = at; return this; }
    public AttestationBuilder WithVerdicts(params IEnumerable<Verdict> verdicts) { _verdicts = [.. verdicts]; return this; }
    public AttestationBuilder AddVerdict(Verdict verdict) { _verdicts.Add(verdict); return this; }
    public AttestationBuilder EditVerdict(int index, Func<Verdict, Verdict> edit) { _verdicts[index] = edit(_verdicts[index]); return this; }
#pragma warning restore CS1591

    /// <summary>The attestation as built.</summary>
    public Attestation Build() => new(_id, _verifierId, _digest, _snapshotId, _cityId, _period, _method, _report, _issuedAt, _verdicts.ToArray());

    /// <summary>The attestation signed with the verifier's key: a compact JWS.</summary>
    public string Sign() => SignWith(_verifier.Keys);

    /// <summary>The attestation signed with <paramref name="keys"/> under their key id, whoever they belong to.</summary>
    public string SignWith(CityKeyPair keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new AttestationSigner(keys.Key, keys.KeyId).Sign(Build());
    }

    /// <summary>The attestation as an editable header and payload, to be signed with the verifier's key after a test has broken it.</summary>
    public JwsBuilder Jws() => JwsBuilder.ForAttestation(Build(), _verifier.Keys);
}
