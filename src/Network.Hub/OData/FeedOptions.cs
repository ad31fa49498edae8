namespace Network.Hub.OData;

/// <summary>The OData feed's limits, from the <c>Network:OData</c> settings.</summary>
public sealed class FeedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Network:OData";

    /// <summary>Rows per response; a longer result ends with an <c>@odata.nextLink</c> to the next page. Default 1,000.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The largest <c>$top</c> a request may ask for; above it the request is refused (400). Default 1,000.</summary>
    public int MaxTop { get; set; } = 1000;

    /// <summary>How deep <c>$expand</c> may nest: 2 allows <c>KpiValues?$expand=Snapshot($expand=City)</c>. Default 2.</summary>
    public int MaxExpansionDepth { get; set; } = 2;

    /// <summary>The most nodes a <c>$filter</c> (or other expression) may have once parsed. Default 100.</summary>
    public int MaxNodeCount { get; set; } = 100;
}
