using Microsoft.Net.Http.Headers;

namespace Network.Hub.GraphQL;

/// <summary>
/// The two media types a GraphQL-over-HTTP response can have, and the choice between them by the request's
/// <c>Accept</c> header. With <c>application/graphql-response+json</c> the HTTP status tells whether the request was
/// executed (400 when it was not); with the legacy <c>application/json</c> every well-formed request gets 200.
/// </summary>
public static class ResponseMediaType
{
    /// <summary>The GraphQL-over-HTTP media type.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The legacy media type.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The media type to answer with: <c>application/graphql-response+json</c> when the client names it and prefers it
    /// at least as much as <c>application/json</c>; <c>application/json</c> when the client names that, accepts anything
    /// (<c>*/*</c>, as curl sends) or sends no <c>Accept</c> (as the spec's compatibility rules suggest); <see langword="null"/>
    /// when it accepts neither.
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0)
        {
            return Json;
        }

        double? Explicit(string mediaType)
        {
            var matching = ranges.Where(r => r.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).ToList();
            return matching.Count == 0 ? null : matching.Max(r => r.Quality ?? 1);
        }

        var wildcard = ranges.Where(r => r.MediaType.Equals("*/*", StringComparison.Ordinal) || r.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            .Select(r => r.Quality ?? 1).DefaultIfEmpty(0).Max();
        var graphQL = Explicit(GraphQLResponse);
        var json = Explicit(Json);
        if (graphQL is > 0 && graphQL >= (json ?? wildcard))
        {
            return GraphQLResponse;
        }

        return (json ?? wildcard) > 0 ? Json : null;
    }

    /// <summary>
    /// Whether the client names one of the GraphQL media types in <c>Accept</c>: a GraphQL client does, a browser
    /// following a link (or curl without options) does not.
    /// </summary>
    public static bool NamesGraphQLMediaType(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var ranges)
            && ranges.Any(r => (r.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase) || r.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
                && (r.Quality ?? 1) > 0);
    }
}
