namespace Network.Hub.Hosting;

/// <summary>
/// Endpoint metadata: example requests the home page links to, such as a KPI code for
/// <c>/api/kpis/{code}</c> or a filtered list. Each example is a path and query, already URL-encoded.
/// </summary>
/// <param name="Paths">The example paths, e.g. <c>/api/kpis?type=core</c>.</param>
public sealed record EndpointExamples(IReadOnlyList<string> Paths);

/// <summary>Attaches <see cref="EndpointExamples"/> to an endpoint.</summary>
public static class EndpointExamplesExtensions
{
    /// <summary>Adds example requests for the home page to list under this endpoint.</summary>
    public static TBuilder WithExamples<TBuilder>(this TBuilder builder, params string[] paths)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointExamples(paths));
}

/// <summary>Endpoint metadata: the endpoint answers only when given query parameters, so the home page does not link its bare path.</summary>
public sealed record EndpointNeedsQuery;

/// <summary>Attaches <see cref="EndpointNeedsQuery"/> to an endpoint.</summary>
public static class EndpointNeedsQueryExtensions
{
    /// <summary>Marks the endpoint as answering only with query parameters (the home page shows its pattern without a link).</summary>
    public static TBuilder NeedsQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new EndpointNeedsQuery());
}
