using GraphQL;

namespace Network.Hub.GraphQL;

/// <summary>A GraphQL response written with graphql-dotnet's serializer: spec-shaped <c>data</c> and <c>errors</c>.</summary>
/// <param name="Result">The execution result, or an error result made by the HTTP door.</param>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="MediaType">The media type (see <see cref="ResponseMediaType"/>).</param>
public sealed record GraphQLResult(ExecutionResult Result, int StatusCode, string MediaType) : IResult
{
    /// <summary>A response carrying one error and no <c>data</c>: the request was not executed.</summary>
    public static GraphQLResult Refusal(int statusCode, string code, string message, string mediaType = ResponseMediaType.Json) =>
        new(new ExecutionResult { Executed = false, Errors = [FieldErrors.Refusal(message, code)] }, statusCode, mediaType);

    /// <inheritdoc/>
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var serializer = httpContext.RequestServices.GetRequiredService<IGraphQLTextSerializer>();
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = $"{MediaType}; charset=utf-8";
        await serializer.WriteAsync(httpContext.Response.Body, Result, httpContext.RequestAborted);
    }
}
