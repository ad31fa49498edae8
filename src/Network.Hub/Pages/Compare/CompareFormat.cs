using System.Globalization;

namespace Network.Hub.Pages.Compare;

/// <summary>How the Compare page prints numbers: invariant culture, thousands grouped, at most three decimals.</summary>
public static class CompareFormat
{
    /// <summary>The number as the table and the charts print it, e.g. <c>1,234.5</c>.</summary>
    public static string Number(double value) => value.ToString("#,##0.###", CultureInfo.InvariantCulture);
}
