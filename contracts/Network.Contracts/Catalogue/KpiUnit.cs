namespace Network.Contracts.Catalogue;

/// <summary>
/// The unit a KPI's values are reported in: the kind, the exact symbol a snapshot must carry, and the
/// range of numbers that make sense for it.
/// </summary>
/// <param name="Kind">What sort of quantity this is.</param>
/// <param name="Symbol">The exact text a value's <c>unit</c> field must hold, e.g. <c>%</c> or
/// <c>physicians per 100,000 inhabitants</c>. Compared ordinally.</param>
/// <param name="Minimum">The smallest possible value, inclusive.</param>
/// <param name="Maximum">The largest possible value, inclusive; <see langword="null"/> for no upper bound.</param>
/// <param name="WholeNumbersOnly">Whether only whole numbers are possible (counts, yes/no).</param>
public sealed record KpiUnit(UnitKind Kind, string Symbol, double Minimum, double? Maximum, bool WholeNumbersOnly)
{
    /// <summary>Builds the unit for a kind, with the range that kind implies.</summary>
    public static KpiUnit For(UnitKind kind, string symbol) => kind switch
    {
        UnitKind.Percentage => new(kind, symbol, 0, 100, false),
        UnitKind.Count => new(kind, symbol, 0, null, true),
        UnitKind.Years => new(kind, symbol, 0, 150, false),
        UnitKind.Coefficient => new(kind, symbol, 0, 1, false),
        UnitKind.YesNo => new(kind, symbol, 0, 1, true),
        _ => new(kind, symbol, 0, null, false),
    };

    /// <summary>Whether <paramref name="value"/> is a possible value in this unit.</summary>
    public bool Admits(double value) =>
        double.IsFinite(value)
        && value >= Minimum
        && (Maximum is null || value <= Maximum)
        && (!WholeNumbersOnly || Math.Floor(value) == value);

    /// <summary>The admissible range in words, for error messages ("between 0 and 100", "a whole number of at least 0").</summary>
    public string DescribeRange()
    {
        var range = Maximum is { } max ? $"between {Minimum:0.###} and {max:0.###}" : $"at least {Minimum:0.###}";
        return WholeNumbersOnly ? $"a whole number {(Maximum is null ? "of " : "")}{range}" : range;
    }
}
