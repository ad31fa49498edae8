namespace Network.Benchmarking.Targets;

/// <summary>The closed set of reasons a target-set file is refused. Each error names its line and column.</summary>
public enum TargetSetErrorReason
{
    /// <summary>The file is empty, or has a header and no targets.</summary>
    NoTargets = 1,

    /// <summary>The header lacks a required column (<c>kpi</c>, <c>target</c>, <c>source</c>).</summary>
    MissingColumn = 2,

    /// <summary>The header names a column this format does not have, or names one twice.</summary>
    UnknownColumn = 3,

    /// <summary>A row is not well-formed CSV: a different number of fields than the header, or an unclosed quote.</summary>
    MalformedRow = 4,

    /// <summary>The KPI code is not in the catalogue.</summary>
    UnknownKpi = 5,

    /// <summary>The KPI is reported per data point and the row names none, or names one the KPI does not have,
    /// or names one for a KPI reported as one number.</summary>
    WrongDataPoint = 6,

    /// <summary>The KPI has no direction (a composition such as mode share), so nothing is better and it has no target.</summary>
    NotScorable = 7,

    /// <summary>The target is not a number (invariant culture, <c>.</c> as decimal separator).</summary>
    NotANumber = 8,

    /// <summary>The target is not positive, or not a possible value in the KPI's unit (a percentage above 100).</summary>
    OutOfRange = 9,

    /// <summary>The source is empty: every target must say where it came from.</summary>
    MissingSource = 10,

    /// <summary>The same KPI (and data point) has a target on an earlier line.</summary>
    DuplicateTarget = 11,
}
