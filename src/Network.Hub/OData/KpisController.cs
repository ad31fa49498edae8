using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Routing.Controllers;
using Network.Contracts.Catalogue;

namespace Network.Hub.OData;

/// <summary><c>/odata/Kpis</c>: the U4SSC KPI catalogue, answered from memory (it ships with the hub).</summary>
[Route("odata")]
public sealed class KpisController(FeedQuery feed, KpiCatalogue catalogue) : ODataController
{
    /// <summary>The KPIs, after the request's query options.</summary>
    [HttpGet("Kpis")]
    [HttpGet("Kpis/$count")]
    public Task<IActionResult> List(ODataQueryOptions<KpiRow> options, CancellationToken cancellationToken) =>
        feed.CollectionAsync(options, (_, _) => Rows(), asOf: null, cancellationToken);

    /// <summary>One KPI.</summary>
    [HttpGet("Kpis({key})")]
    public Task<IActionResult> Find(string key, ODataQueryOptions<KpiRow> options, CancellationToken cancellationToken) =>
        feed.SingleAsync(options, (_, _) => Rows().Where(k => k.Code == key), $"KPI '{key}' in the catalogue", cancellationToken);

    private IQueryable<KpiRow> Rows() => catalogue.All.Select(KpiRow.From).AsQueryable();
}
