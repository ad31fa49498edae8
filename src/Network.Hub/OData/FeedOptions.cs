namespace Network.Hub.OData;

/// <summary>The OData feed's limits, from the <c>Network:OData</c> settings.</summary>
public sealed class FeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:OData";

    /// <summary>Rows per response; a longer result ends with an <c>@odata.nextLink</c> to the next page. Default 1,000.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>
    /// Snapshots per response when a request expands their values (<c>Snapshots?$expand=Values</c>) or filters or sorts
    /// on them (<c>Values/any(...)</c>); more end with an <c>@odata.nextLink</c>. At most
    /// <see cref="ExpandedValuesPageSize"/>. Default 16.
    /// </summary>
    public int ExpandedPageSize { get; set; } = 16;

    /// <summary>
    /// Values per snapshot in a response that expands them; a snapshot with more ends its values with a
    /// <c>Values@odata.nextLink</c> to the rest (<c>Snapshots(id)/Values</c>). With <see cref="ExpandedPageSize"/> it
    /// is the ceiling on expanded rows per response: 16 × 128 = 2,048 by default. Default 128: every KPI and data
    /// point of the U4SSC catalogue (111 values) fits in one page.
    /// </summary>
    public int ExpandedValuesPageSize { get; set; } = 128;

    /// <summary>
    /// The estimated rows (returned and expanded) from which a request counts as costly: it then waits for a slot of
    /// the hub's costly-work gate (<c>Network:Limits:CostlyWork</c>), or is refused with 503 and <c>Retry-After</c>.
    /// Requests with engine columns or <c>$apply</c> are costly whatever their size. Default 2,000.
    /// </summary>
    public int CostlyRows { get; set; } = 2000;

    /// <summary>The largest <c>$top</c> a request may ask for; above it the request is refused (400). Default 1,000.</summary>
    public int MaxTop { get; set; } = 1000;

    /// <summary>How deep <c>$expand</c> may nest: 2 allows <c>KpiValues?$expand=Snapshot($expand=City)</c>. Default 2.</summary>
    public int MaxExpansionDepth { get; set; } = 2;

    /// <summary>The most nodes a <c>$filter</c> (or other expression) may have once parsed. Default 100.</summary>
    public int MaxNodeCount { get; set; } = 100;
}
