using System.Collections.Frozen;
using Network.Benchmarking.Targets;

namespace Network.Benchmarking.Scoring;

/// <summary>
/// One city's benchmarking result for one period against one target set: every KPI it reported, scored, and
/// the U4SSC roll-ups per category, sub-dimension and dimension. KPIs the city did not report have no score
/// anywhere on the card.
/// </summary>
public sealed class ScoreCard
{
    private readonly FrozenDictionary<string, KpiScore> _kpis;
    private readonly FrozenDictionary<string, RollUp> _rollUps;

    internal ScoreCard(
        string cityId,
        int period,
        TargetSet targetSet,
        IReadOnlyList<KpiScore> kpis,
        IReadOnlyList<RollUp> categories,
        IReadOnlyList<RollUp> subDimensions,
        IReadOnlyList<RollUp> dimensions)
    {
        CityId = cityId;
        Period = period;
        TargetSet = targetSet;
        Kpis = kpis;
        Categories = categories;
        SubDimensions = subDimensions;
        Dimensions = dimensions;
        _kpis = kpis.ToFrozenDictionary(k => k.Code, StringComparer.Ordinal);
        _rollUps = categories.Concat(subDimensions).Concat(dimensions).ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>The city, e.g. <c>NO-5001</c>.</summary>
    public string CityId { get; }

    /// <summary>The reporting period (year).</summary>
    public int Period { get; }

    /// <summary>The target set the values were scored against.</summary>
    public TargetSet TargetSet { get; }

    /// <summary>The KPIs the city reported, in catalogue order.</summary>
    public IReadOnlyList<KpiScore> Kpis { get; }

    /// <summary>Every category node of the catalogue (27 for U4SSC), in catalogue order.</summary>
    public IReadOnlyList<RollUp> Categories { get; }

    /// <summary>The seven sub-dimensions, in catalogue order.</summary>
    public IReadOnlyList<RollUp> SubDimensions { get; }

    /// <summary>The three dimensions, in catalogue order.</summary>
    public IReadOnlyList<RollUp> Dimensions { get; }

    /// <summary>The score of a KPI; <see langword="null"/> when the city did not report it.</summary>
    /// <param name="code">The KPI code, e.g. <c>EC-ICT-ICT-1C</c>.</param>
    public KpiScore? Kpi(string code) => _kpis.GetValueOrDefault(code);

    /// <summary>The roll-up of a category (<c>SC-EH-ED</c>), sub-dimension (<c>SC-EH</c>) or dimension (<c>SC</c>).</summary>
    /// <exception cref="KeyNotFoundException">The catalogue has no node with this code.</exception>
    public RollUp RollUp(string code) =>
        _rollUps.TryGetValue(code, out var rollUp)
            ? rollUp
            : throw new KeyNotFoundException($"No category, sub-dimension or dimension has the code '{code}'.");

    /// <summary>For the debugger and logs.</summary>
    public override string ToString() => $"{CityId} {Period} against {TargetSet}: {Kpis.Count} KPIs";
}
