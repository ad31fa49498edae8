using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Network.Contracts.Catalogue;

namespace Network.Hub.Catalogue;

/// <summary>
/// A <see cref="KpiQuery"/> whose values all named something in the catalogue. Parsing reports every unknown
/// value at once, keyed by the query parameter, with a sentence that lists what the parameter accepts.
/// </summary>
internal sealed class KpiFilter
{
    private readonly Dimension? _dimension;
    private readonly IReadOnlySet<string>? _categoryKpis;
    private readonly KpiType? _type;

    private KpiFilter(Dimension? dimension, IReadOnlySet<string>? categoryKpis, KpiType? type)
    {
        _dimension = dimension;
        _categoryKpis = categoryKpis;
        _type = type;
    }

    /// <summary>Whether <paramref name="kpi"/> passes every filter that was given.</summary>
    public bool Matches(Kpi kpi) =>
        (_dimension is null || kpi.Dimension == _dimension)
        && (_categoryKpis is null || _categoryKpis.Contains(kpi.Code))
        && (_type is null || kpi.Type == _type);

    /// <summary>
    /// Parses <paramref name="query"/>; on failure <paramref name="errors"/> maps each offending parameter
    /// (<c>dimension</c>, <c>category</c>, <c>type</c>) to its message.
    /// </summary>
    public static bool TryParse(
        KpiQuery query,
        KpiCatalogue catalogue,
        [NotNullWhen(true)] out KpiFilter? filter,
        out Dictionary<string, string[]> errors)
    {
        errors = [];

        Dimension? dimension = null;
        if (Given(query.Dimension) is { } dimensionText)
        {
            if (KpiCatalogue.TryParseDimension(dimensionText, out var parsed))
            {
                dimension = parsed;
            }
            else
            {
                errors["dimension"] = [$"'{dimensionText}' is not a U4SSC dimension. Accepted values: {DimensionsAccepted(catalogue)}."];
            }
        }

        HashSet<string>? categoryKpis = null;
        if (Given(query.Category) is { } categoryText)
        {
            categoryKpis = catalogue.InCategory(categoryText).Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
            if (categoryKpis.Count == 0)
            {
                errors["category"] = [$"'{categoryText}' is neither a category code nor a category name. Accepted values: {CategoriesAccepted(catalogue)}."];
            }
        }

        KpiType? type = null;
        if (Given(query.Type) is { } typeText)
        {
            var match = Enum.GetValues<KpiType>().Where(t => string.Equals(NameOf(t), typeText, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (match.Length == 1)
            {
                type = match[0];
            }
            else
            {
                errors["type"] = [$"'{typeText}' is not a KPI type. Accepted values: {string.Join(", ", Enum.GetValues<KpiType>().Select(NameOf))}."];
            }
        }

        filter = errors.Count == 0 ? new KpiFilter(dimension, categoryKpis, type) : null;
        return filter is not null;
    }

    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    // The same spelling the JSON responses use for the type (camelCase enum names: core, advanced).
    private static string NameOf(KpiType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static string DimensionsAccepted(KpiCatalogue catalogue)
    {
        var names = catalogue.Dimensions.Select(d => d.Name);
        var enumNames = catalogue.Dimensions.Select(d => d.Dimension.ToString()).Except(names, StringComparer.Ordinal);
        var codes = catalogue.Dimensions.Select(BranchCodes.Of);
        return $"{string.Join(", ", names)} (also written {string.Join(", ", enumNames)}), or the codes {string.Join(", ", codes)}";
    }

    private static string CategoriesAccepted(KpiCatalogue catalogue)
    {
        var nodes = catalogue.Dimensions.SelectMany(d => d.SubDimensions).SelectMany(s => s.Categories).ToArray();
        var names = nodes.Select(c => c.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return $"a category name ({string.Join(", ", names)}) or a category code ({string.Join(", ", nodes.Select(c => c.Code))})";
    }
}
