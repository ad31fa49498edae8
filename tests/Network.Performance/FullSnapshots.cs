using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Testing;

namespace Network.Performance;

/// <summary>
/// The benchmark's workload: snapshots of all 91 U4SSC KPIs, one value each (one data point for the KPIs
/// reported in parts), every value in the catalogue's unit and range, signed by the city's key.
/// </summary>
public static class FullSnapshots
{
    /// <summary>One valid value for every KPI of the catalogue, in catalogue order.</summary>
    public static IReadOnlyList<KpiValue> Values(KpiCatalogue catalogue) =>
        catalogue.All.Select((kpi, i) => SnapshotBuilder.Value(
                kpi.Code,
                ValueFor(kpi.Unit, i),
                kpi.Unit.Symbol,
                kpi.HasDataPoints ? kpi.DataPoints[0] : null))
            .ToList();

    /// <summary><paramref name="count"/> snapshots of <paramref name="city"/>, each with a new id and all 91 values, signed.</summary>
    public static string[] Sign(TestCity city, int count)
    {
        var values = Values(KpiCatalogue.Default);
        var signer = city.Keys.CreateSigner();
        var signed = new string[count];
        for (var i = 0; i < count; i++)
        {
            signed[i] = signer.Sign(city.Snapshot().WithValues(values).Build());
        }

        return signed;
    }

    /// <summary>
    /// Something inside the unit's range, whole where it must be: at <paramref name="position"/> (0 to 1) between the
    /// minimum and the maximum where there is one, else around 100 + 1.25 × <paramref name="index"/>. The ingestion
    /// workload takes the middle (0.5); the comparison database moves it per city so cities rank differently.
    /// </summary>
    public static double ValueFor(KpiUnit unit, int index, double position = 0.5)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var value = unit.Maximum is { } max ? unit.Minimum + (max - unit.Minimum) * position : (100 + index * 1.25) * 2 * position;
        return unit.WholeNumbersOnly ? Math.Floor(value) : value;
    }
}
