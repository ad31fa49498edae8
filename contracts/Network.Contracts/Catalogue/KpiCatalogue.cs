using System.Collections.Frozen;
using System.Globalization;
using Network.Contracts.Csv;

namespace Network.Contracts.Catalogue;

/// <summary>
/// The 91 U4SSC KPIs (ITU/UNECE Collection Methodology, 2017) with the network's machine-readable units.
/// Loaded once from the CSV embedded in this assembly; immutable and safe to share between threads.
/// </summary>
public sealed class KpiCatalogue
{
    /// <summary>
    /// The version of the catalogue a snapshot is checked against. A snapshot names the version it was
    /// written for; the hub rejects versions it does not know. Bump it whenever a code, unit or data point changes.
    /// </summary>
    public const string CurrentVersion = "u4ssc-2017.1";

    private static readonly Lazy<KpiCatalogue> DefaultInstance = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Kpi> _byCode;

    private KpiCatalogue(string version, IReadOnlyList<Kpi> kpis)
    {
        Version = version;
        All = kpis;
        _byCode = kpis.ToFrozenDictionary(k => k.Code, StringComparer.Ordinal);
        Dimensions = BuildTree(kpis);
    }

    /// <summary>The catalogue shipped in this assembly.</summary>
    public static KpiCatalogue Default => DefaultInstance.Value;

    /// <summary>This catalogue's version, e.g. <c>u4ssc-2017.1</c>.</summary>
    public string Version { get; }

    /// <summary>Every KPI, in the U4SSC order.</summary>
    public IReadOnlyList<Kpi> All { get; }

    /// <summary>The tree: dimensions → sub-dimensions → category nodes → KPIs.</summary>
    public IReadOnlyList<DimensionNode> Dimensions { get; }

    /// <summary>The KPI with this code (e.g. <c>EN-EN-AQ-2C</c>).</summary>
    /// <exception cref="KeyNotFoundException">No KPI has this code.</exception>
    public Kpi this[string code] =>
        _byCode.TryGetValue(code, out var kpi) ? kpi : throw new KeyNotFoundException($"No U4SSC KPI has the code '{code}'.");

    /// <summary>Looks a KPI up by its code; codes are case-sensitive.</summary>
    public bool TryGet(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Kpi? kpi) =>
        _byCode.TryGetValue(code, out kpi);

    /// <summary>The KPIs of one dimension, in catalogue order.</summary>
    public IEnumerable<Kpi> InDimension(Dimension dimension) => All.Where(k => k.Dimension == dimension);

    /// <summary>
    /// The KPIs of one category, matched by category code (<c>EC-ICT-WS</c>, one node) or by name
    /// (<c>Water and Sanitation</c>, every node of that name); case-insensitive.
    /// </summary>
    public IEnumerable<Kpi> InCategory(string codeOrName) =>
        All.Where(k => string.Equals(k.CategoryCode, codeOrName, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(k.Category, codeOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The display name of a dimension, as U4SSC writes it.</summary>
    public static string NameOf(Dimension dimension) => dimension switch
    {
        Dimension.Economy => "Economy",
        Dimension.Environment => "Environment",
        Dimension.SocietyAndCulture => "Society and Culture",
        _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
    };

    /// <summary>Parses a dimension from its name (<c>Society and Culture</c>), enum name or code prefix (<c>SC</c>).</summary>
    public static bool TryParseDimension(string text, out Dimension dimension)
    {
        foreach (var d in Enum.GetValues<Dimension>())
        {
            if (string.Equals(text, NameOf(d), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, d.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals(text, CodePrefix(d), StringComparison.OrdinalIgnoreCase))
            {
                dimension = d;
                return true;
            }
        }

        dimension = default;
        return false;
    }

    private static string CodePrefix(Dimension d) => d switch
    {
        Dimension.Economy => "EC",
        Dimension.Environment => "EN",
        _ => "SC",
    };

    private static KpiCatalogue LoadEmbedded()
    {
        const string resource = "Network.Contracts.Catalogue.u4ssc-kpis.csv";
        using var stream = typeof(KpiCatalogue).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The KPI catalogue resource '{resource}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    /// <summary>Parses a catalogue in the embedded file's format. Throws <see cref="FormatException"/> naming the row on any error.</summary>
    internal static KpiCatalogue Parse(TextReader reader)
    {
        using var rows = CsvText.Read(reader).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new FormatException("The KPI catalogue is empty.");
        }

        var header = rows.Current.Fields;
        int Col(string name) => header.ToList().IndexOf(name) is var i and >= 0
            ? i
            : throw new FormatException($"The KPI catalogue has no '{name}' column.");

        var (code, official, dimension, sub, catCode, cat, name, unit, kind, symbol, points, type, direction, sdg, notes) =
            (Col("code"), Col("official_code"), Col("dimension"), Col("subdimension"), Col("category_code"), Col("category"),
             Col("name"), Col("unit"), Col("unit_kind"), Col("unit_symbol"), Col("data_points"), Col("type"), Col("direction"),
             Col("sdg"), Col("notes"));

        var kpis = new List<Kpi>();
        var lineOfCode = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            var (line, r, fault) = rows.Current;
            if (fault is { } breach)
            {
                throw new FormatException($"KPI catalogue row {line}: the CSV quoting is broken ({breach}).");
            }

            if (r.Count == 1 && r[0].Length == 0)
            {
                continue;
            }

            if (r.Count != header.Count)
            {
                throw new FormatException($"KPI catalogue row {line}: {r.Count} fields, expected {header.Count}.");
            }

            if (!lineOfCode.TryAdd(r[code], line))
            {
                throw new FormatException($"KPI catalogue row {line}: the code '{r[code]}' is already used on row {lineOfCode[r[code]]}.");
            }

            try
            {
                kpis.Add(new Kpi(
                    Code: r[code],
                    OfficialCode: r[official],
                    Dimension: TryParseDimension(r[dimension], out var d) ? d : throw new FormatException($"unknown dimension '{r[dimension]}'"),
                    SubDimension: r[sub],
                    CategoryCode: r[catCode],
                    Category: r[cat],
                    Name: r[name],
                    UnitDescription: r[unit],
                    Unit: KpiUnit.For(ParseUnitKind(r[kind]), r[symbol]),
                    DataPoints: Split(r[points]),
                    Type: r[type] switch
                    {
                        "core" => KpiType.Core,
                        "advanced" => KpiType.Advanced,
                        var t => throw new FormatException($"unknown type '{t}'"),
                    },
                    Direction: r[direction] switch
                    {
                        "higher_is_better" => Direction.HigherIsBetter,
                        "lower_is_better" => Direction.LowerIsBetter,
                        "target_band" => Direction.TargetBand,
                        "none" => Direction.None,
                        var x => throw new FormatException($"unknown direction '{x}'"),
                    },
                    Sdgs: Split(r[sdg]).Select(ParseSdg).ToArray(),
                    Notes: r[notes]));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new FormatException($"KPI catalogue row {line} ({r[code]}): {e.Message}", e);
            }
        }

        return new KpiCatalogue(CurrentVersion, kpis);
    }

    // Enum.Parse would also take "7" or "percentage"; the file names kinds exactly.
    private static UnitKind ParseUnitKind(string text) =>
        Enum.GetNames<UnitKind>().Contains(text, StringComparer.Ordinal)
            ? Enum.Parse<UnitKind>(text)
            : throw new FormatException($"unknown unit kind '{text}'; use one of: {string.Join(", ", Enum.GetNames<UnitKind>())}");

    private static int ParseSdg(string text) =>
        text.StartsWith("SDG", StringComparison.Ordinal)
        && int.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var goal)
        && goal is >= 1 and <= 17
            ? goal
            : throw new FormatException($"'{text}' is not a Sustainable Development Goal (SDG1 to SDG17)");

    private static string[] Split(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DimensionNode[] BuildTree(IReadOnlyList<Kpi> kpis) =>
        kpis.GroupBy(k => k.Dimension)
            .Select(d => new DimensionNode(
                d.Key,
                NameOf(d.Key),
                d.GroupBy(k => k.SubDimension)
                 .Select(s => new SubDimensionNode(
                     string.Join('-', s.First().Code.Split('-')[..2]),
                     s.Key,
                     s.GroupBy(k => k.CategoryCode)
                      .Select(c => new CategoryNode(c.Key, c.First().Category, c.ToArray()))
                      .ToArray()))
                 .ToArray()))
            .ToArray();
}
