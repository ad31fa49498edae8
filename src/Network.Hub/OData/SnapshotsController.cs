using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace Network.Hub.OData;

/// <summary><c>/odata/Snapshots</c>: every accepted snapshot, current or superseded.</summary>
[Route("odata")]
public sealed class SnapshotsController(FeedQuery feed) : ODataController
{
    /// <summary>The snapshots, after the request's query options.</summary>
    [HttpGet("Snapshots")]
    [HttpGet("Snapshots/$count")]
    public Task<IActionResult> List(ODataQueryOptions<SnapshotRow> options, CancellationToken cancellationToken) =>
        feed.CollectionAsync(options, (engine, withValues) => FeedSources.Snapshots(feed.Database, engine, withValues), asOf: null, cancellationToken);

    /// <summary>One snapshot.</summary>
    [HttpGet("Snapshots({key})")]
    public Task<IActionResult> Find(Guid key, ODataQueryOptions<SnapshotRow> options, CancellationToken cancellationToken) =>
        feed.SingleAsync(options, (engine, withValues) => FeedSources.Snapshots(feed.Database, engine, withValues).Where(s => s.Id == key), $"accepted snapshot {key}", cancellationToken);

    /// <summary>
    /// One snapshot's values, after the request's query options: where a response that expands them links to the rest
    /// (<c>Values@odata.nextLink</c>) when the snapshot has more than <see cref="FeedOptions.ExpandedValuesPageSize"/>.
    /// </summary>
    [HttpGet("Snapshots({key})/Values")]
    [HttpGet("Snapshots/{key}/Values")] // the form of OData's own next link inside an expansion
    public Task<IActionResult> Values(Guid key, ODataQueryOptions<KpiValueRow> options, CancellationToken cancellationToken) =>
        feed.CollectionAsync(options, (engine, withValues) => FeedSources.Values(feed.Database, feed.Database.KpiValues.Where(v => v.SnapshotId == key), engine, withValues), asOf: null, cancellationToken);
}
