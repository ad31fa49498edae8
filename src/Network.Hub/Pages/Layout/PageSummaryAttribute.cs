using Microsoft.AspNetCore.Http.Metadata;

namespace Network.Hub.Pages.Layout;

/// <summary>
/// The one sentence a page's endpoint carries as its summary (what <c>WithSummary</c> gives an API endpoint), so the
/// home page and the start-up banner announce the page; the framework's own attribute applies to methods only.
/// </summary>
/// <param name="summary">What the page shows.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class PageSummaryAttribute(string summary) : Attribute, IEndpointSummaryMetadata
{
    /// <inheritdoc />
    public string Summary { get; } = summary;
}
