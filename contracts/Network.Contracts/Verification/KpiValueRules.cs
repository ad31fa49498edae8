using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Verification;

/// <summary>
/// The rules on each value of a snapshot, checked one value at a time: KPI code, data point, unit, range, the
/// texts, and no KPI (data point) twice. <see cref="SnapshotRules.Check"/> runs them over a payload's values; a value
/// file's reader runs them row by row, so every refusal comes with the row it concerns without a snapshot being built.
/// One instance checks the values of one snapshot (it remembers them, to find a KPI reported twice).
/// </summary>
public sealed class KpiValueRules
{
    private readonly KpiCatalogue _catalogue;
    private readonly Dictionary<(string Kpi, string? DataPoint), string> _seen = [];

    internal KpiValueRules(KpiCatalogue catalogue) => _catalogue = catalogue;

    /// <summary>
    /// Every rule <paramref name="value"/> breaks, given the values checked before it. Each rejection's
    /// <see cref="Rejection.Field"/> names the member of the value (<c>kpi</c>, <c>dataPoint</c>, <c>value</c>,
    /// <c>unit</c>, <c>origin</c>, <c>source</c>, <c>note</c>): the caller knows where the value itself is.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="at">Where the value is, as a later duplicate names it: <c>$.values[3]</c> in a payload,
    /// <c>line 5</c> in a file.</param>
    public IReadOnlyList<Rejection> Check(KpiValue value, string at)
    {
        ArgumentNullException.ThrowIfNull(value);
        var problems = new List<Rejection>();
        CheckText(value.Origin, SnapshotJson.Fields.Origin, required: true, problems);
        CheckText(value.Source, SnapshotJson.Fields.Source, required: true, problems);
        CheckText(value.Note, SnapshotJson.Fields.Note, required: false, problems);

        if (!_catalogue.TryGet(value.Kpi, out var kpi))
        {
            problems.Add(Rejections.UnknownKpi(SnapshotJson.Fields.Kpi, value.Kpi));
            return problems;
        }

        var dataPointValid = kpi.HasDataPoints
            ? value.DataPoint is not null && kpi.DataPoints.Contains(value.DataPoint, StringComparer.Ordinal)
            : value.DataPoint is null;
        if (!dataPointValid)
        {
            problems.Add(Rejections.InvalidDataPoint(SnapshotJson.Fields.DataPoint, kpi, value.DataPoint));
        }

        if (!_seen.TryAdd((kpi.Code, value.DataPoint), at))
        {
            problems.Add(Rejections.DuplicateKpi(SnapshotJson.Fields.Kpi, kpi.Code, value.DataPoint, _seen[(kpi.Code, value.DataPoint)]));
        }

        if (!string.Equals(value.Unit, kpi.Unit.Symbol, StringComparison.Ordinal))
        {
            problems.Add(Rejections.WrongUnit(SnapshotJson.Fields.Unit, kpi, value.Unit));
        }
        else if (!kpi.Unit.Admits(value.Value))
        {
            problems.Add(Rejections.ValueOutOfRange(SnapshotJson.Fields.Value, kpi, value.Value));
        }

        return problems;
    }

    private static void CheckText(string? text, string field, bool required, List<Rejection> problems)
    {
        if (text is null)
        {
            return;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Rejections.InvalidField(field, "This field must not be empty: say who produced the data and where it can be checked."));
        }
        else if (text.Length > SnapshotFormat.MaxTextLength)
        {
            problems.Add(Rejections.InvalidField(field, $"This text is {text.Length:N0} characters; the limit is {SnapshotFormat.MaxTextLength:N0}."));
        }
    }
}
