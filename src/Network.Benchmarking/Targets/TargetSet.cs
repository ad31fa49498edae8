using System.Collections.Frozen;
using System.Globalization;
using Network.Contracts.Catalogue;
using Network.Contracts.Results;

namespace Network.Benchmarking.Targets;

/// <summary>
/// A versioned set of targets (benchmarks), one per KPI or data point at most, each saying where it came from.
/// U4SSC does not publish its per-KPI targets, so the network keeps its own sets: coordinators load them from
/// CSV (<see cref="Parse(TextReader, string, string, KpiCatalogue?)"/>), and <see cref="Default"/> holds only the
/// targets a KPI's definition implies. Immutable and safe to share between threads.
/// </summary>
public sealed class TargetSet
{
    /// <summary>The source every target of the <see cref="Default"/> set gives.</summary>
    public const string DefinitionImpliedSource = "implied by the KPI definition (U4SSC publishes no per-KPI targets)";

    /// <summary>The columns of a target-set file, in the usual order. Only <c>dataPoint</c> and <c>note</c> may be left out.</summary>
    public static readonly IReadOnlyList<string> Columns = ["kpi", "dataPoint", "target", "source", "note"];

    private const string DefaultResource = "Network.Benchmarking.Targets.definition-implied.csv";
    private static readonly Lazy<TargetSet> DefaultInstance = new(LoadDefault);

    private readonly FrozenDictionary<KpiKey, Target> _byKey;

    internal TargetSet(string name, string version, string catalogueVersion, IReadOnlyList<Target> targets)
    {
        Name = name;
        Version = version;
        CatalogueVersion = catalogueVersion;
        Targets = targets;
        _byKey = targets.ToFrozenDictionary(t => t.Key);
    }

    /// <summary>
    /// The set shipped with the engine, <c>definition-implied</c> version <c>1</c>: 100 % for the coverage
    /// percentages whose definition makes full coverage the ideal (household internet access, basic water supply,
    /// school enrollment, ...), and nothing else. See the engine's README for the decision on each of the 91 KPIs.
    /// </summary>
    public static TargetSet Default => DefaultInstance.Value;

    /// <summary>The set's name, e.g. <c>definition-implied</c> or <c>trondheim-2030-goals</c>.</summary>
    public string Name { get; }

    /// <summary>The set's version; a changed set gets a new version so earlier scores stay explainable.</summary>
    public string Version { get; }

    /// <summary>The version of the KPI catalogue the targets were checked against.</summary>
    public string CatalogueVersion { get; }

    /// <summary>The targets, in file order.</summary>
    public IReadOnlyList<Target> Targets { get; }

    /// <summary>The target for a KPI (data point); <see langword="null"/> when the set has none.</summary>
    public Target? Find(KpiKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>
    /// Reads a target set from CSV with the header <c>kpi,dataPoint,target,source,note</c> (any order; names are
    /// case-insensitive; <c>dataPoint</c> and <c>note</c> may be left out). Every row is checked against the
    /// catalogue and every error is returned at once, each with its line number.
    /// </summary>
    /// <param name="reader">The CSV text. It is read to the end and not disposed.</param>
    /// <param name="name">The set's name.</param>
    /// <param name="version">The set's version.</param>
    /// <param name="catalogue">The catalogue to check against; <see cref="KpiCatalogue.Default"/> when omitted.</param>
    public static Result<TargetSet, TargetSetError> Parse(TextReader reader, string name, string version, KpiCatalogue? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        catalogue ??= KpiCatalogue.Default;
        return TargetSetReader.Read(reader, catalogue) switch
        {
            { Errors.Count: > 0 } failed => Result<TargetSet, TargetSetError>.Refused(failed.Errors),
            var ok => Result<TargetSet, TargetSetError>.Of(new TargetSet(name, version, catalogue.Version, ok.Targets)),
        };
    }

    /// <summary>The name and version, e.g. <c>definition-implied 1</c>.</summary>
    public override string ToString() => $"{Name} {Version}";

    private static TargetSet LoadDefault()
    {
        using var stream = typeof(TargetSet).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The default target set resource '{DefaultResource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader, "definition-implied", "1").Value;
    }

    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
