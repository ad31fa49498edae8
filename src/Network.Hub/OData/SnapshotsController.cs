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
}
