using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;
using Microsoft.OData;
using Network.Hub.Limits;
using Network.Hub.Problems;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.OData;

/// <summary>
/// Runs one feed request: checks the query options against the limits, loads the engine when the response carries
/// engine columns, lets OData compose the options onto the database query, and reads the page before answering,
/// so a query the database cannot run is a 400 (not a broken response) and the engine columns belong to the same
/// data as the rows: when a snapshot of a period the page shows arrives while the request runs, the request is run
/// again (snapshots of other periods do not matter). What a request may
/// cost is bounded before it runs: a request that expands a snapshot's values is paged by the smaller
/// <see cref="FeedOptions.ExpandedPageSize"/> (its snapshots, and each snapshot's values), and a costly one
/// (<see cref="FeedCost"/>) waits for a slot of the hub's <see cref="CostlyWorkGate"/> or is refused with 503.
/// </summary>
public sealed class FeedQuery(NetworkDbContext db, NetworkScores scores, IOptions<FeedOptions> feedOptions, CostlyWorkGate gate, TimeProvider time)
{
    private const int Attempts = 3;

    private static readonly MethodInfo BufferMethod = typeof(FeedQuery).GetMethod(nameof(ReadAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly FeedOptions _limits = feedOptions.Value;

    /// <summary>The database the feed reads.</summary>
    public NetworkDbContext Database => db;

    /// <summary>
    /// Answers a collection request: the rows of <paramref name="source"/> after the request's query options, one page.
    /// </summary>
    /// <param name="options">The request's query options.</param>
    /// <param name="source">The entity set's query, given the engine results and whether snapshots' values are expanded.</param>
    /// <param name="asOf">The date the engine columns are as of; null for now.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<IActionResult> CollectionAsync<T>(
        ODataQueryOptions<T> options, Func<EngineColumns, bool, IQueryable<T>> source, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        if (Refusal(options) is { } refused)
        {
            return refused;
        }

        var withEngine = QueryShape.ReturnsEngineColumns(options);
        var withValues = QueryShape.UsesSnapshotValues(options);
        // No more snapshots per page than values per snapshot: the in-memory step below pages both by the latter.
        var pageSize = withValues ? Math.Min(_limits.ExpandedPageSize, _limits.ExpandedValuesPageSize) : _limits.PageSize;
        if (!FeedCost.Of(options, pageSize, _limits.ExpandedValuesPageSize, withEngine).IsCostly(_limits.CostlyRows))
        {
            return await RunAsync(options, source, withEngine, withValues, pageSize, asOf, cancellationToken);
        }

        using var slot = await gate.TryEnterAsync(cancellationToken);
        if (slot is null)
        {
            options.Request.HttpContext.Response.Headers.RetryAfter = gate.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Error(StatusCodes.Status503ServiceUnavailable, "Busy",
                $"The hub is already running as many costly reads as it allows at once ({gate.Options.MaxConcurrent}, Network:Limits:CostlyWork:MaxConcurrent). " +
                $"Try again in {gate.RetryAfterSeconds} seconds; smaller requests ($top, $select without engine columns, no $expand) are not limited.");
        }

        return await RunAsync(options, source, withEngine, withValues, pageSize, asOf, cancellationToken);
    }

    private async Task<IActionResult> RunAsync<T>(
        ODataQueryOptions<T> options, Func<EngineColumns, bool, IQueryable<T>> source, bool withEngine, bool withValues, int pageSize,
        DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        asOf = asOf is { } date && date < time.GetUtcNow() ? date : null; // a date still to come is now
        var feature = options.Request.ODataFeature();
        for (var attempt = 1; ; attempt++)
        {
            ScoringBases.TryReadOption(options.Request, out var basis); // checked by Refusal before
            var engine = withEngine ? EngineColumns.For(db, scores, asOf, basis) : EngineColumns.NoneOn(basis);
            IQueryable page;
            try
            {
                if (options.Request.IsCountRequest())
                {
                    var filtered = (IQueryable<T>)options.ApplyTo(source(engine, withValues), Settings(pageSize: null), AllowedQueryOptions.All & ~AllowedQueryOptions.Filter);
                    return new OkObjectResult(filtered.Provider is IAsyncQueryProvider ? await filtered.LongCountAsync(cancellationToken) : filtered.LongCount());
                }

                // The rows tell which periods' engines the page needs; the page is read again once they are loaded.
                page = await PageAsync(options, source(engine, withValues), withValues, pageSize, cancellationToken);
                while (engine.MissesPeriods)
                {
                    await engine.LoadMissingPeriodsAsync(cancellationToken);
                    page = await PageAsync(options, source(engine, withValues), withValues, pageSize, cancellationToken);
                }

                if (feature.TotalCountFunc is { } count)
                {
                    feature.TotalCount = count();
                }
            }
            catch (Exception e) when (Refusal(e) is not null)
            {
                return Refusal(e)!;
            }

            if (!withEngine || !await engine.ChangedAsync(cancellationToken))
            {
                // Declared as the entity set's type, as EnableQuery does: OData's formatter finds the EDM type from
                // it, whatever wrapper types $select or $apply produced.
                return new ObjectResult(page) { StatusCode = StatusCodes.Status200OK, DeclaredType = typeof(IQueryable<T>) };
            }

            if (attempt == Attempts)
            {
                return Error(StatusCodes.Status503ServiceUnavailable, "DataChanging",
                    "Snapshots kept arriving while the scores were computed; try again in a moment.");
            }
        }
    }

    // One page of the request's rows, read from the database (and shaped in memory when snapshots' values are expanded).
    private async Task<IQueryable> PageAsync<T>(ODataQueryOptions<T> options, IQueryable<T> query, bool withValues, int pageSize, CancellationToken cancellationToken)
    {
        var feature = options.Request.ODataFeature();
        feature.NextLink = null;
        feature.TotalCount = null;
        feature.TotalCountFunc = null;
        if (withValues && options.Apply is null)
        {
            // In two steps, so the values are read once and a page of them per snapshot is returned: the
            // database filters, sorts, counts and pages the snapshots (each read with its values, one query
            // for them all); then $select and $expand shape that page in memory, paging each snapshot's values.
            var snapshots = await BufferAsync(options.ApplyTo(query, Settings(pageSize), AllowedQueryOptions.Select | AllowedQueryOptions.Expand), cancellationToken);
            return options.ApplyTo(snapshots, InMemory(_limits.ExpandedValuesPageSize), AllowedQueryOptions.All & ~(AllowedQueryOptions.Select | AllowedQueryOptions.Expand));
        }

        return await BufferAsync(options.ApplyTo(query, Settings(pageSize)), cancellationToken);
    }

    /// <summary>Answers a request for one entity: <paramref name="source"/> narrowed to it, with the request's <c>$select</c> and <c>$expand</c>.</summary>
    public async Task<IActionResult> SingleAsync<T>(ODataQueryOptions<T> options, Func<EngineColumns, bool, IQueryable<T>> source, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(source);
        var result = await CollectionAsync(options, source, asOf: null, cancellationToken);
        if (result is not ObjectResult { StatusCode: StatusCodes.Status200OK, Value: IQueryable rows })
        {
            return result;
        }

        var row = rows.Cast<object>().FirstOrDefault();
        return row is null
            ? Error(StatusCodes.Status404NotFound, "NotFound", $"There is no {description}.")
            : new ObjectResult(row) { StatusCode = StatusCodes.Status200OK, DeclaredType = typeof(T) };
    }

    /// <summary>An OData error response (the format Excel, Power BI and other OData clients show).</summary>
    public static ObjectResult Error(int status, string code, string message) =>
        new(new ODataError { Code = code, Message = message }) { StatusCode = status };

    // A query OData or the database refused while running (OData applies some options through reflection, which
    // wraps what they throw); anything else is a fault and goes to the hub's 500 handler.
    private static ObjectResult? Refusal(Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        return exception switch
        {
            ODataException e => Error(StatusCodes.Status400BadRequest, "InvalidQuery", e.Message),
            InvalidOperationException e when e.TargetSite?.DeclaringType?.Namespace is { } ns && ns.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) && ns.Contains(".Query", StringComparison.Ordinal)
                                          || e.Message.Contains("could not be translated", StringComparison.Ordinal) =>
                Error(StatusCodes.Status400BadRequest, "QueryNotSupported",
                    "The database cannot run this query. On SQLite (the embedded default) date parts such as year() of a date-time, and $top or $skip inside $expand, are beyond it; compare whole dates instead (ReceivedAt lt 2021-01-01T00:00:00Z) and page the outer query."),
            _ => null,
        };
    }

    private ObjectResult? Refusal(ODataQueryOptions options)
    {
        try
        {
            if (options.Top?.Value > _limits.MaxTop)
            {
                return Error(StatusCodes.Status400BadRequest, "TopTooLarge",
                    $"$top={options.Top.Value} is above the feed's limit of {_limits.MaxTop} rows per request. Leave $top out and follow @odata.nextLink to read every row, {_limits.PageSize} per page.");
            }

            if (QueryShape.EngineColumnInDatabasePart(options) is var (column, option))
            {
                return Error(StatusCodes.Status400BadRequest, "EngineColumn",
                    $"{column} cannot be used in {option}: the benchmarking engine computes it for the rows the database returns, so the database cannot {(option == "$orderby" ? "sort" : option == "$apply" ? "group or aggregate" : "filter")} on it. " +
                    $"Use it in $select, and filter, sort or group on the stored columns (Value, KpiCode, CityId, Period, Current, ...).");
            }

            options.Validate(Validation());

            if (!ScoringBases.TryReadOption(options.Request, out _))
            {
                return Error(StatusCodes.Status400BadRequest, "UnknownBasis", HubProblem.UnknownScoringBasis().Detail!);
            }

            if (QueryShape.ExpandsBeyondSnapshotValues(options))
            {
                return Error(StatusCodes.Status400BadRequest, "ExpansionNotSupported",
                    "A snapshot's values expand one level, from Snapshots (Snapshots?$expand=Values($select=KpiCode,Value,Score)). For their city, KPI or snapshot, query KpiValues instead: KpiValues?$filter=SnapshotId eq <id>&$expand=Kpi.");
            }

            return null;
        }
        catch (ODataException e)
        {
            return Error(StatusCodes.Status400BadRequest, "InvalidQuery", Explain(e.Message));
        }
    }

    // OData's messages name the server setting to raise; a client needs the limit and what to do instead.
    private string Explain(string message) =>
        message.Contains("MaxExpansionDepth", StringComparison.Ordinal)
            ? $"$expand nests deeper than the feed allows ({_limits.MaxExpansionDepth} levels, e.g. KpiValues?$expand=Snapshot($expand=City))."
            : message.Contains("MaxNodeCount", StringComparison.Ordinal)
                ? $"The query is too complex: an expression has more than {_limits.MaxNodeCount} parts. Split it into simpler requests."
                : message;

    private ODataValidationSettings Validation() => new()
    {
        AllowedQueryOptions = AllowedQueryOptions.Supported & ~(AllowedQueryOptions.Search | AllowedQueryOptions.Compute),
        MaxTop = _limits.MaxTop,
        MaxExpansionDepth = _limits.MaxExpansionDepth,
        MaxNodeCount = _limits.MaxNodeCount,
    };

    // Shapes rows already read, in their order: the page size only pages the expanded collections (the rows are
    // fewer than it).
    private static ODataQuerySettings InMemory(int pageSize) => new()
    {
        PageSize = pageSize,
        EnsureStableOrdering = false,
        HandleNullPropagation = HandleNullPropagationOption.True,
    };

    // OData applies the page size to the response's rows and to every expanded collection in it.
    private static ODataQuerySettings Settings(int? pageSize) => new()
    {
        PageSize = pageSize,
        EnsureStableOrdering = true,
        HandleNullPropagation = HandleNullPropagationOption.Default,
    };

    // Count and newest receipt of the stored snapshots: rows are only ever added, so an unchanged pair means no
    // snapshot arrived in between (the same version NetworkScores keys its cache on).
    // Reads the page now, asynchronously when the database provides it (OData's own paging has already read it
    // when the result was longer than a page).
    private static Task<IQueryable> BufferAsync(IQueryable query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider
            ? (Task<IQueryable>)BufferMethod.MakeGenericMethod(query.ElementType).Invoke(null, [query, cancellationToken])!
            : Task.FromResult(query);

    private static async Task<IQueryable> ReadAsync<TElement>(IQueryable<TElement> query, CancellationToken cancellationToken) =>
        (await query.ToListAsync(cancellationToken)).AsQueryable();
}
