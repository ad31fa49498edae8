using System.Globalization;
using Network.Contracts.Catalogue;

namespace Network.Hub.Pages.Compare;

/// <summary>
/// The addresses that carry a comparison: the page's permalink (the form's own parameters, with the period pinned to
/// the one shown, so the link keeps showing the same view when a later period becomes the latest common one) and the
/// existing exports <c>/api/compare.csv</c> and <c>/api/compare.xlsx</c> (whose parameters are <c>cities</c>,
/// <c>kpis</c>, <c>period</c> and <c>targetSet</c>; categories are sent as their KPIs).
/// </summary>
public static class CompareLinks
{
    /// <summary>The page's address.</summary>
    public const string PagePath = "/compare";

    /// <summary>The permalink of <paramref name="selection"/> shown for <paramref name="period"/>.</summary>
    public static string Permalink(CompareSelection selection, int period)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var query = selection.Cities.Select(c => ("cities", c))
            .Concat(selection.Categories.Select(c => ("categories", c)))
            .Concat(selection.Kpis.Select(k => ("kpis", k)))
            .Append(("period", period.ToString(CultureInfo.InvariantCulture)))
            .Concat(selection.TargetSet.Length > 0 ? [("targetSet", selection.TargetSet)] : []);
        return PagePath + "?" + string.Join("&", query.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }

    /// <summary>The export of the same comparison; <paramref name="extension"/> is <c>csv</c> or <c>xlsx</c>.</summary>
    public static string Export(CompareSelection selection, int period, KpiCatalogue catalogue, string extension)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var kpis = selection.KpiCodes(catalogue);
        var query = new List<(string, string)>
        {
            ("cities", string.Join(",", selection.Cities)),
            ("period", period.ToString(CultureInfo.InvariantCulture)),
        };
        if (kpis.Count > 0)
        {
            query.Add(("kpis", string.Join(",", kpis)));
        }

        if (selection.TargetSet.Length > 0)
        {
            query.Add(("targetSet", selection.TargetSet));
        }

        return $"/api/compare.{extension}?" + string.Join("&", query.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
    }
}
