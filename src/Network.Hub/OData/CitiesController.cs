using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;

namespace Network.Hub.OData;

/// <summary><c>/odata/Cities</c>: the member cities.</summary>
[Route("odata")]
public sealed class CitiesController(FeedQuery feed) : ODataController
{
    /// <summary>The cities, after the request's query options.</summary>
    [HttpGet("Cities")]
    [HttpGet("Cities/$count")]
    public Task<IActionResult> List(ODataQueryOptions<CityRow> options, CancellationToken cancellationToken) =>
        feed.CollectionAsync(options, (_, _) => FeedSources.Cities(feed.Database), asOf: null, cancellationToken);

    /// <summary>One city.</summary>
    [HttpGet("Cities({key})")]
    public Task<IActionResult> Find(string key, ODataQueryOptions<CityRow> options, CancellationToken cancellationToken) =>
        feed.SingleAsync(options, (_, _) => FeedSources.Cities(feed.Database).Where(c => c.Id == key), $"city '{key}'", cancellationToken);
}
