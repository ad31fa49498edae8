using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Microsoft.OData.UriParser;
using Network.Hub.Storage;

namespace Network.Hub.OData;

/// <summary>
/// <c>/odata/KpiValues</c>: every stored value (filter <c>Current eq true</c> for the current ones), and
/// <c>/odata/ValuesAsOf(date=...)</c>: the values as published on a date.
/// </summary>
[Route("odata")]
public sealed class KpiValuesController(FeedQuery feed) : ODataController
{
    /// <summary>Every value of every accepted snapshot, after the request's query options; engine columns as of now.</summary>
    [HttpGet("KpiValues")]
    [HttpGet("KpiValues/$count")]
    public Task<IActionResult> List(ODataQueryOptions<KpiValueRow> options, CancellationToken cancellationToken) =>
        feed.CollectionAsync(options, (engine, withValues) => FeedSources.Values(feed.Database, feed.Database.KpiValues, engine, withValues), asOf: null, cancellationToken);

    /// <summary>One value.</summary>
    [HttpGet("KpiValues({key})")]
    public Task<IActionResult> Find(long key, ODataQueryOptions<KpiValueRow> options, CancellationToken cancellationToken) =>
        feed.SingleAsync(options, (engine, withValues) => FeedSources.Values(feed.Database, feed.Database.KpiValues.Where(v => v.Id == key), engine, withValues), $"stored value {key}", cancellationToken);

    /// <summary>
    /// The values as published on <paramref name="date"/>: of each city and period, the snapshot that was current then
    /// (the newest the city had signed among those the hub had received by that date). Engine columns as of that date.
    /// </summary>
    [HttpGet("ValuesAsOf(date={date})")]
    [HttpGet("ValuesAsOf(date={date})/$count")]
    public Task<IActionResult> ValuesAsOf(DateTimeOffset date, ODataQueryOptions<KpiValueRow> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // MVC's binding of the route value drops the fraction of a second; OData's parsed path keeps it.
        var asOf = options.Request.ODataFeature().Path.OfType<OperationImportSegment>().SelectMany(s => s.Parameters)
            .FirstOrDefault(p => p.Name == "date")?.Value is DateTimeOffset parsed ? parsed : date;
        return feed.CollectionAsync(options, (engine, withValues) => FeedSources.Values(feed.Database, feed.Database.CurrentValues(asOf), engine, withValues, asOf), asOf, cancellationToken);
    }
}
