using System.Globalization;
using Network.Contracts.Catalogue;

namespace Network.Hub.Pages.Compare;

/// <summary>
/// What a person chose on the Compare page, as the GET form (or a permalink) sends it: <c>cities</c>, <c>kpis</c> and
/// <c>categories</c> (each repeated or comma-separated, the way <c>/api/compare.csv</c> reads them), <c>period</c> (empty
/// for the latest common one) and <c>targetSet</c>. Kept exactly as sent, so a refused form is drawn again with every
/// choice still made; the page's bounds are checked before any work (<see cref="Check"/>).
/// </summary>
/// <param name="Cities">City ids, distinct, in the order chosen.</param>
/// <param name="Kpis">KPI codes, distinct.</param>
/// <param name="Categories">Category node codes (e.g. <c>EC-ICT-WS</c>), distinct.</param>
/// <param name="Period">The period as typed; empty for the latest common period.</param>
/// <param name="TargetSet">The target set's name; empty for the hub's default set.</param>
public sealed record CompareSelection(
    IReadOnlyList<string> Cities,
    IReadOnlyList<string> Kpis,
    IReadOnlyList<string> Categories,
    string Period,
    string TargetSet)
{
    /// <summary>The fewest cities a comparison on this page shows.</summary>
    public const int MinCities = 2;

    /// <summary>
    /// The most cities a comparison on this page shows: a chart row per city must stay readable. Well inside
    /// <see cref="Comparison.ComparisonTables.MaxCities"/>, the limit of the table every output shares.
    /// </summary>
    public const int MaxCities = 20;

    /// <summary>The longest id, code or name kept from the query; longer ones are cut (and then name nothing known).</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// The most values of one list kept from the query: more than the catalogue's 91 KPIs, so any honest choice fits;
    /// a longer list is refused without being looked at.
    /// </summary>
    public const int MaxListed = 120;

    /// <summary>Whether nothing was asked yet (the form's first visit).</summary>
    public bool IsEmpty => Cities.Count == 0 && Kpis.Count == 0 && Categories.Count == 0 && Period.Length == 0 && TargetSet.Length == 0;

    /// <summary>Reads the query's values, splitting comma lists, trimming, cutting each to <see cref="MaxLength"/>.</summary>
    public static CompareSelection From(string[]? cities, string[]? kpis, string[]? categories, string? period, string? targetSet) =>
        new(List(cities), List(kpis), List(categories), Cut(period), Cut(targetSet));

    /// <summary>
    /// The page's own bounds, checked before anything is read: 2 to 20 cities, lists no longer than
    /// <see cref="MaxListed"/>, categories the catalogue has, a period that is a year. The catalogue's KPI codes and the
    /// network's city ids are checked by <see cref="Comparison.ComparisonTables"/>, in its words.
    /// </summary>
    public IReadOnlyList<CompareProblem> Check(KpiCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var problems = new List<CompareProblem>();
        if (Cities.Count < MinCities)
        {
            problems.Add(new(CompareField.Cities, Cities.Count == 0
                ? $"Choose at least {MinCities} cities to compare, e.g. NO-5001 and NO-9901."
                : $"Choose at least {MinCities} cities to compare; only {Cities[0]} was chosen."));
        }
        else if (Cities.Count > MaxCities)
        {
            problems.Add(new(CompareField.Cities, $"A comparison on this page holds at most {MaxCities} cities; {(Cities.Count > MaxListed ? $"more than {MaxListed}" : Cities.Count)} were chosen."));
        }

        if (Kpis.Count > MaxListed)
        {
            problems.Add(new(CompareField.Kpis, $"At most {MaxListed} KPIs can be named; {Kpis.Count} were. Choose whole categories instead."));
        }

        if (Categories.Count > MaxListed)
        {
            problems.Add(new(CompareField.Kpis, $"At most {MaxListed} categories can be named; {Categories.Count} were."));
        }
        else
        {
            foreach (var unknown in Categories.Where(c => CategoryOf(catalogue, c) is null))
            {
                problems.Add(new(CompareField.Kpis,
                    $"The catalogue {catalogue.Version} has no category '{unknown}'. Category codes look like EC-ICT-WS."));
            }
        }

        if (Period.Length > 0 && PeriodYear is null)
        {
            problems.Add(new(CompareField.Period, $"'{Period}' is not a year; choose a reporting period such as 2020, or the latest common period."));
        }

        return problems;
    }

    /// <summary>The period as a year; <see langword="null"/> when empty or not a year from 1900 to 2200.</summary>
    public int? PeriodYear =>
        int.TryParse(Period, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2200 ? year : null;

    /// <summary>
    /// The KPI codes to compare, in catalogue order: the chosen KPIs and every KPI of the chosen categories, each once.
    /// Codes the catalogue does not know are kept (at the end) so the comparison refuses them in its own words.
    /// Empty when nothing was chosen: then the comparison shows every KPI any of the cities reported.
    /// </summary>
    public IReadOnlyList<string> KpiCodes(KpiCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var chosen = new HashSet<string>(Kpis, StringComparer.Ordinal);
        foreach (var category in Categories.Select(c => CategoryOf(catalogue, c)).OfType<CategoryNode>())
        {
            chosen.UnionWith(category.Kpis.Select(k => k.Code));
        }

        var known = catalogue.All.Where(k => chosen.Contains(k.Code)).Select(k => k.Code).ToList();
        return [.. known, .. Kpis.Where(k => !catalogue.TryGet(k, out _))];
    }

    /// <summary>The category node with this code; <see langword="null"/> when the catalogue has none.</summary>
    public static CategoryNode? CategoryOf(KpiCatalogue catalogue, string code)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        return catalogue.Dimensions.SelectMany(d => d.SubDimensions).SelectMany(s => s.Categories)
            .FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
    }

    private static string[] List(string[]? values) =>
        (values ?? [])
            .SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Cut)
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxListed + 1) // one more than allowed is enough to say the list is too long
            .ToArray();

    private static string Cut(string? value)
    {
        var trimmed = (value ?? "").Trim();
        return trimmed.Length > MaxLength ? trimmed[..MaxLength] : trimmed;
    }
}

/// <summary>A field of the Compare form, for pointing a message at it.</summary>
public enum CompareField
{
    /// <summary>The cities.</summary>
    Cities,

    /// <summary>The KPIs and categories.</summary>
    Kpis,

    /// <summary>The period.</summary>
    Period,

    /// <summary>The target set.</summary>
    TargetSet,
}

/// <summary>Why the comparison cannot be shown, and at which field.</summary>
/// <param name="Field">The field the person should change.</param>
/// <param name="Message">A sentence saying what is wrong and what would be right.</param>
public sealed record CompareProblem(CompareField Field, string Message);
