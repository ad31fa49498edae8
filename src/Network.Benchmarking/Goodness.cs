using Network.Contracts.Catalogue;

namespace Network.Benchmarking;

/// <summary>
/// Turns a value into a number where more is always better, following the KPI's direction. Standings sort
/// on it and target-band scoring uses its closeness measure, so both read direction the same way.
/// </summary>
internal static class Goodness
{
    /// <summary>
    /// The ideal of a target-band KPI. Only a ratio of like quantities has an ideal implied by its direction:
    /// parity, 1 (gender income equity). Other target-band KPIs, should the catalogue gain any, have no
    /// known ideal and are not ranked until one is given.
    /// </summary>
    public static double? IdealOf(Kpi kpi) =>
        kpi.Direction == Direction.TargetBand && kpi.Unit.Kind == UnitKind.Ratio ? 1.0 : null;

    /// <summary>Whether the KPI's values can be ordered from worse to better.</summary>
    public static bool Ranks(Kpi kpi) => kpi.Direction switch
    {
        Direction.HigherIsBetter or Direction.LowerIsBetter => true,
        Direction.TargetBand => IdealOf(kpi) is not null,
        _ => false,
    };

    /// <summary>The value on a more-is-better scale; only meaningful when <see cref="Ranks"/> holds.</summary>
    public static double Of(Kpi kpi, double value) => kpi.Direction switch
    {
        Direction.HigherIsBetter => value,
        Direction.LowerIsBetter => -value,
        Direction.TargetBand => Closeness(value, IdealOf(kpi) ?? 1.0),
        _ => throw new InvalidOperationException($"{kpi.Code} has no direction; its values have no order."),
    };

    /// <summary>
    /// How close a value is to an ideal, from 0 to 1, symmetric in ratio: min(v/ideal, ideal/v). Being 20 % under
    /// the ideal and the reverse ratio over it (0.8 and 1.25 of it) are equally far: for female/male earnings,
    /// women earning 80 % of what men earn and men earning 80 % of what women earn score the same.
    /// </summary>
    public static double Closeness(double value, double ideal) =>
        value <= 0 ? 0 : Math.Min(value / ideal, ideal / value);
}
