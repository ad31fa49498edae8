using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Network.Hub.Pages.Layout;

namespace Network.Hub.Hosting;

/// <summary>An endpoint the hub announces on its home page and in its start-up banner.</summary>
/// <param name="Method">The HTTP method, e.g. <c>GET</c>.</param>
/// <param name="Pattern">The route pattern, e.g. <c>/api/kpis/{code}</c>.</param>
/// <param name="Summary">One sentence saying what the endpoint answers.</param>
/// <param name="Examples">Example requests (URL-encoded paths); may be empty.</param>
/// <param name="NeedsQuery">Whether the endpoint answers only with query parameters (<see cref="EndpointNeedsQuery"/>), so the bare pattern is not a link.</param>
/// <param name="NeedsToken">Whether the endpoint answers only with an access token (it requires authorization), so a browser cannot follow it.</param>
public sealed record ListedEndpoint(string Method, string Pattern, string Summary, IReadOnlyList<string> Examples, bool NeedsQuery = false, bool NeedsToken = false)
{
    /// <summary>Whether <see cref="Pattern"/> is itself a page one can follow (a GET without route parameters that needs no query and no token).</summary>
    public bool IsPath => Method == HttpMethods.Get && !Pattern.Contains('{', StringComparison.Ordinal) && !NeedsQuery && !NeedsToken;

    /// <summary>
    /// The endpoints that carry a summary (<c>WithSummary</c>), in the order they were mapped, then the pages
    /// (<c>[PageSummary]</c>) by address: the framework maps pages in the order of their types in the assembly, which
    /// no reader should have to know. Reading them from the routing table means the hub can only announce what it
    /// really serves.
    /// </summary>
    public static IReadOnlyList<ListedEndpoint> From(EndpointDataSource endpoints) =>
        endpoints.Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Summary: e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary))
            .Where(e => !string.IsNullOrWhiteSpace(e.Summary))
            .Select((e, mapped) => (e.Endpoint, e.Summary, Mapped: mapped, IsPage: e.Endpoint.Metadata.GetMetadata<PageSummaryAttribute>() is not null))
            .OrderBy(e => e.IsPage)
            .ThenBy(e => e.IsPage ? 0 : e.Mapped)
            .ThenBy(e => e.IsPage ? e.Endpoint.RoutePattern.RawText : null, StringComparer.Ordinal)
            .Select(e => new ListedEndpoint(
                MethodOf(e.Endpoint),
                "/" + (e.Endpoint.RoutePattern.RawText ?? string.Empty).Trim('/'),
                e.Summary!,
                e.Endpoint.Metadata.GetMetadata<EndpointExamples>()?.Paths ?? [],
                e.Endpoint.Metadata.GetMetadata<EndpointNeedsQuery>() is not null,
                e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null && e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
            .ToArray();

    private static string MethodOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } m ? m.HttpMethods[0] : HttpMethods.Get;
}
