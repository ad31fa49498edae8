using System.Globalization;
using Network.Benchmarking.Targets;
using Network.Hub.Comparison;
using Network.Hub.Embargo;
using Network.Hub.Hosting;
using Network.Hub.Problems;
using Network.Hub.Scoring;
using Network.Hub.Targets;

namespace Network.Hub.Exports;

/// <summary>
/// A comparison as a file: <c>GET /api/compare.csv</c> and <c>GET /api/compare.xlsx</c>, with the parameters of
/// GraphQL's <c>compare</c> (<c>cities</c>, <c>kpis</c>, <c>period</c>, <c>asOf</c>, <c>targetSet</c>) and the
/// same table, built by <see cref="ComparisonTables"/>.
/// </summary>
public static class ComparisonExports
{
    /// <summary>The CSV media type.</summary>
    public const string CsvMediaType = "text/csv; charset=utf-8";

    /// <summary>The XLSX media type.</summary>
    public const string XlsxMediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Maps the export routes.</summary>
    public static IEndpointRouteBuilder MapComparisonExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Comparison");
        group.MapGet("/compare.csv", CsvAsync)
            .WithSummary("Cities side by side as CSV: ?cities=NO-5001,NO-9901&period=2020[&kpis=&asOf=&targetSet=&basis=asReported|asVerified]")
            .NeedsQuery();
        group.MapGet("/compare.xlsx", XlsxAsync)
            .WithSummary("Cities side by side as an Excel workbook; the parameters of compare.csv")
            .NeedsQuery();
        return app;
    }

    /// <summary>The comparison as CSV.</summary>
    public static Task<IResult> CsvAsync(HttpRequest request, ComparisonTables tables, TargetSets sets, CancellationToken cancellationToken) =>
        ExportAsync(request, tables, sets, (table, _) => TypedResults.File(ComparisonCsv.Write(table), CsvMediaType, ComparisonSheet.FileName(table, "csv")), cancellationToken);

    /// <summary>The comparison as an Excel workbook.</summary>
    public static Task<IResult> XlsxAsync(HttpRequest request, ComparisonTables tables, TargetSets sets, TimeProvider clock, CancellationToken cancellationToken) =>
        ExportAsync(request, tables, sets,
            (table, targets) => TypedResults.File(
                ComparisonXlsx.Write(table, targets, clock.GetUtcNow()), XlsxMediaType, ComparisonSheet.FileName(table, "xlsx")),
            cancellationToken);

    private static async Task<IResult> ExportAsync(
        HttpRequest request, ComparisonTables tables, TargetSets sets, Func<ComparisonTable, TargetSet, IResult> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(sets);
        var query = request.Query;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var reasons = new List<string>();
        void Add(string field, string message, string? reason = null)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
            if (reason is not null)
            {
                reasons.Add(reason);
            }
        }

        var cities = List(query["cities"]);
        var kpis = List(query["kpis"]);
        var period = 0;
        if (query["period"].Count == 0 || string.IsNullOrWhiteSpace(query["period"]))
        {
            Add("period", "Name the reporting period (year), e.g. period=2020.");
        }
        else if (!int.TryParse(query["period"], NumberStyles.None, CultureInfo.InvariantCulture, out period) || period is < 1900 or > 2200)
        {
            Add("period", $"'{query["period"]}' is not a year; give the reporting period as e.g. period=2020.");
        }

        DateTimeOffset? asOf = null;
        if (!string.IsNullOrWhiteSpace(query["asOf"]))
        {
            if (DateTimeOffset.TryParse(query["asOf"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                asOf = parsed;
            }
            else
            {
                Add("asOf", $"'{query["asOf"]}' is not a date and time; use ISO 8601, e.g. asOf=2021-06-30T00:00:00Z.");
            }
        }

        var basis = ScoringBasis.AsReported;
        if (!string.IsNullOrWhiteSpace(query["basis"]) && !ScoringBases.TryParse(query["basis"], out basis))
        {
            Add("basis", "That is not a scoring basis; use basis=asReported (every reported value, the default) or basis=asVerified (only verified values).", "UnknownBasis");
        }

        var targetSetName = query["targetSet"].ToString();
        var targets = await sets.ResolveAsync(targetSetName, cancellationToken);
        if (targets is null)
        {
            Add("targetSet", $"No target set is named '{targetSetName}'; the hub has: {string.Join(", ", await sets.NamesAsync(cancellationToken))}.", "UnknownTargetSet");
        }

        if (errors.Count == 0)
        {
            var result = await tables.BuildAsync(new ComparisonRequest(cities, period, kpis, asOf, targets, basis), request.HttpContext.RequestServices.ReadershipOf(), cancellationToken);
            if (result.TryGetValue(out var table))
            {
                return write(table, targets!);
            }

            foreach (var problem in result.Failures)
            {
                Add(problem.Field, problem.Message, problem.Reason.ToString());
            }
        }

        return HubProblem.ComparisonNotBuildable(
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
                reasons.Distinct(StringComparer.Ordinal).ToArray())
            .ToValidationResult();
    }

    private static string[] List(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
}
