using System.Globalization;
using Network.Contracts.Catalogue;
using Network.Hub.Pages.Profile;

namespace Network.Hub.Pages.Cities;

/// <summary>
/// The Network page's query (<c>/cities?q=&amp;country=&amp;size=&amp;dimension=&amp;coverage=&amp;sort=&amp;dir=</c>): parsed and
/// bounded before any work, applied to the rows <see cref="CityPagesReader.CitiesAsync"/> read, and written back as a
/// permalink. Every field is optional; a field that cannot be understood is an error that names it.
/// </summary>
public sealed class NetworkFilter
{
    /// <summary>The longest search text accepted.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>The population bands the size filter offers, smallest first.</summary>
    public static readonly IReadOnlyList<SizeBand> SizeBands =
    [
        new("small", "small: under 50,000 inhabitants", 0, 50_000),
        new("medium", "medium: 50,000 to 199,999", 50_000, 200_000),
        new("large", "large: 200,000 to 999,999", 200_000, 1_000_000),
        new("metropolis", "metropolis: 1 million or more", 1_000_000, null),
        new("unknown", "population not stated", null, null),
    ];

    /// <summary>The columns the table sorts by, with their headings.</summary>
    public static readonly IReadOnlyList<(string Key, string Heading)> Columns =
    [
        ("name", "City"), ("id", "Id"), ("country", "Country"), ("population", "Population"),
        ("period", "Latest period"), ("kpis", "KPIs reported"), ("verified", "Verified"),
    ];

    private readonly List<(string Field, string Message)> _errors = [];

    private NetworkFilter()
    {
    }

    /// <summary>The search text (in a name or an id), trimmed; empty for none.</summary>
    public string Search { get; private set; } = "";

    /// <summary>The two-letter country, upper case; empty for any.</summary>
    public string Country { get; private set; } = "";

    /// <summary>The size band's key; empty for any.</summary>
    public string Size { get; private set; } = "";

    /// <summary>The dimension's code (<c>EC</c>, <c>EN</c>, <c>SC</c>) whose coverage is asked for; empty for none.</summary>
    public string Dimension { get; private set; } = "";

    /// <summary>The least share, in percent, of the dimension's KPIs a city must report; null for "any of them".</summary>
    public int? Coverage { get; private set; }

    /// <summary>The column sorted by.</summary>
    public string Sort { get; private set; } = "name";

    /// <summary>Whether the sort is descending.</summary>
    public bool Descending { get; private set; }

    /// <summary>What could not be understood, by field; empty when the query is good.</summary>
    public IReadOnlyList<(string Field, string Message)> Errors => _errors;

    /// <summary>Whether any filter (not just a sort) is set.</summary>
    public bool IsFiltered => Search.Length > 0 || Country.Length > 0 || Size.Length > 0 || Dimension.Length > 0;

    /// <summary>Reads the query's fields; the catalogue names the dimensions.</summary>
    public static NetworkFilter Parse(
        string? search, string? country, string? size, string? dimension, string? coverage, string? sort, string? direction)
    {
        var filter = new NetworkFilter();
        search = search?.Trim() ?? "";
        if (search.Length > MaxSearchLength)
        {
            filter._errors.Add(("Search", $"search text has at most {MaxSearchLength.ToString(CultureInfo.InvariantCulture)} characters; this one has {search.Length.ToString(CultureInfo.InvariantCulture)}."));
        }
        else
        {
            filter.Search = search;
        }

        country = country?.Trim() ?? "";
        if (country.Length > 0)
        {
            if (country.Length == 2 && country.All(char.IsAsciiLetter))
            {
                filter.Country = country.ToUpperInvariant();
            }
            else
            {
                filter._errors.Add(("Country", "give a country as its two-letter code, such as NO or FI."));
            }
        }

        size = size?.Trim() ?? "";
        if (size.Length > 0)
        {
            if (SizeBands.Any(b => b.Key == size))
            {
                filter.Size = size;
            }
            else
            {
                filter._errors.Add(("Size", $"choose one of {string.Join(", ", SizeBands.Select(b => b.Key))}."));
            }
        }

        dimension = dimension?.Trim() ?? "";
        if (dimension.Length > 0)
        {
            if (DimensionOf(dimension) is not null)
            {
                filter.Dimension = dimension.ToUpperInvariant();
            }
            else
            {
                filter._errors.Add(("Dimension", "choose EC (Economy), EN (Environment) or SC (Society and Culture)."));
            }
        }

        coverage = coverage?.Trim() ?? "";
        if (coverage.Length > 0)
        {
            if (coverage.Length <= 3 && int.TryParse(coverage, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) && percent <= 100)
            {
                filter.Coverage = percent;
                if (filter.Dimension.Length == 0 && dimension.Length == 0)
                {
                    filter._errors.Add(("Coverage", "a coverage needs a dimension to apply to; choose one."));
                }
            }
            else
            {
                filter._errors.Add(("Coverage", "give the least coverage as a whole percentage from 0 to 100."));
            }
        }

        sort = sort?.Trim() ?? "";
        if (sort.Length > 0)
        {
            if (Columns.Any(c => c.Key == sort))
            {
                filter.Sort = sort;
            }
            else
            {
                filter._errors.Add(("Sort", $"sort by one of {string.Join(", ", Columns.Select(c => c.Key))}."));
            }
        }

        switch (direction?.Trim() ?? "")
        {
            case "" or "asc":
                break;
            case "desc":
                filter.Descending = true;
                break;
            default:
                filter._errors.Add(("Direction", "the sort direction is asc or desc."));
                break;
        }

        return filter;
    }

    /// <summary>The dimension a code names (<c>EC</c>, <c>EN</c>, <c>SC</c>, any case); null for none.</summary>
    public static Contracts.Catalogue.Dimension? DimensionOf(string code) => code.ToUpperInvariant() switch
    {
        "EC" => Contracts.Catalogue.Dimension.Economy,
        "EN" => Contracts.Catalogue.Dimension.Environment,
        "SC" => Contracts.Catalogue.Dimension.SocietyAndCulture,
        _ => null,
    };

    /// <summary>The rows that match, sorted.</summary>
    public IReadOnlyList<NetworkRow> Apply(IReadOnlyList<NetworkRow> rows, KpiCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(catalogue);
        IEnumerable<NetworkRow> matches = rows;
        if (Search.Length > 0)
        {
            matches = matches.Where(r => r.City.Name.Contains(Search, StringComparison.OrdinalIgnoreCase) || r.City.Id.Contains(Search, StringComparison.OrdinalIgnoreCase));
        }

        if (Country.Length > 0)
        {
            matches = matches.Where(r => string.Equals(r.Country, Country, StringComparison.OrdinalIgnoreCase));
        }

        if (SizeBands.FirstOrDefault(b => b.Key == Size) is { } band)
        {
            matches = matches.Where(r => band.Contains(r.City.Population));
        }

        if (DimensionOf(Dimension) is { } dimension)
        {
            var total = catalogue.InDimension(dimension).Count();
            matches = matches.Where(r => r.ReportedByDimension.GetValueOrDefault(dimension) is var reported
                && (Coverage is { } least ? reported * 100 >= least * total : reported > 0));
        }

        var ordered = Sort switch
        {
            "id" => Order(matches, r => r.City.Id),
            "country" => Order(matches, r => r.Country).ThenBy(r => r.City.Name, StringComparer.OrdinalIgnoreCase),
            "population" => OrderNullsLast(matches, r => r.City.Population),
            "period" => OrderNullsLast(matches, r => r.City.LatestPeriod),
            "kpis" => Order(matches, r => r.ReportedKpis),
            "verified" => OrderNullsLast(matches, r => r.City.VerifiedShare),
            _ => Order(matches, r => r.City.Name),
        };
        return [.. ordered.ThenBy(r => r.City.Id, StringComparer.Ordinal)];
    }

    /// <summary>The permalink of this query sorted by <paramref name="sort"/> (this sort when null), in <paramref name="descending"/> order.</summary>
    public string Href(string? sort = null, bool? descending = null)
    {
        var parts = new List<string>();
        void Add(string name, string value)
        {
            if (value.Length > 0)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("q", Search);
        Add("country", Country);
        Add("size", Size);
        Add("dimension", Dimension);
        Add("coverage", Coverage?.ToString(CultureInfo.InvariantCulture) ?? "");
        Add("sort", sort ?? Sort);
        Add("dir", descending ?? Descending ? "desc" : "");
        return "/cities" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }

    /// <summary>The filters in words, e.g. <c>named like "tro", in NO</c>; empty when none.</summary>
    public string Describe(KpiCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var words = new List<string>();
        if (Search.Length > 0)
        {
            words.Add($"name or id containing \u201c{Search}\u201d");
        }

        if (Country.Length > 0)
        {
            words.Add($"in country {Country}");
        }

        if (SizeBands.FirstOrDefault(b => b.Key == Size) is { } band)
        {
            words.Add(band.Label);
        }

        if (DimensionOf(Dimension) is { } dimension)
        {
            var name = KpiCatalogue.NameOf(dimension);
            words.Add(Coverage is { } least
                ? $"reporting at least {least.ToString(CultureInfo.InvariantCulture)} % of the {catalogue.InDimension(dimension).Count().ToString(CultureInfo.InvariantCulture)} {name} KPIs"
                : $"reporting any {name} KPI");
        }

        return string.Join("; ", words);
    }

    private IOrderedEnumerable<NetworkRow> Order<TKey>(IEnumerable<NetworkRow> rows, Func<NetworkRow, TKey> key)
    {
        var comparer = typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.OrdinalIgnoreCase : Comparer<TKey>.Default;
        return Descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
    }

    // Cities without the figure come last whichever way the column is sorted.
    private IOrderedEnumerable<NetworkRow> OrderNullsLast<TKey>(IEnumerable<NetworkRow> rows, Func<NetworkRow, TKey?> key)
        where TKey : struct
    {
        var known = rows.OrderBy(r => key(r) is null ? 1 : 0);
        return Descending ? known.ThenByDescending(r => key(r)) : known.ThenBy(r => key(r));
    }
}

/// <summary>A population band of the size filter.</summary>
/// <param name="Key">Its value in the query (<c>size=medium</c>).</param>
/// <param name="Label">Its words, with the bounds.</param>
/// <param name="Min">The least population; null for the band of cities whose population is not stated.</param>
/// <param name="MaxExclusive">The population the band ends below; null for no upper bound.</param>
public sealed record SizeBand(string Key, string Label, int? Min, int? MaxExclusive)
{
    /// <summary>Whether a city of <paramref name="population"/> falls in this band.</summary>
    public bool Contains(int? population) => Min is { } min
        ? population is { } p && p >= min && (MaxExclusive is not { } max || p < max)
        : population is null;
}
