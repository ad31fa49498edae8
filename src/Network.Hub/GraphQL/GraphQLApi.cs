using System.Globalization;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using Network.Hub.GraphQL.Limits;
using Network.Hub.Hosting;
using Network.Hub.Limits;

namespace Network.Hub.GraphQL;

/// <summary>
/// The GraphQL door, <c>/graphql</c>, per the GraphQL-over-HTTP specification: POST <c>application/json</c> bodies
/// (<c>query</c>, <c>variables</c>, <c>operationName</c>) and GET parameters (queries only), answered as
/// <c>application/graphql-response+json</c> or <c>application/json</c>. A request that is not executed (malformed,
/// syntax or validation error, bad variables) is never a 500: it is a spec-shaped <c>errors</c> list with a 400
/// (or 200 under <c>application/json</c>). The try-it page is at <c>/graphql/ui</c>, and at <c>/graphql</c> for a browser.
/// </summary>
public static class GraphQLApi
{
    /// <summary>Where the endpoint is.</summary>
    public const string Path = "/graphql";

    /// <summary>Maps the GraphQL routes.</summary>
    public static IEndpointRouteBuilder MapGraphQL(this IEndpointRouteBuilder app)
    {
        var graphQL = app.MapGroup(Path).WithTags("GraphQL");
        graphQL.MapPost("/", PostAsync)
            .WithSummary("GraphQL: KPI catalogue, cities, snapshots, values, history, U4SSC scores and comparisons (POST application/json)");
        graphQL.MapGet("/", GetAsync)
            .WithSummary("GraphQL queries over GET: ?query=&variables=&operationName= (a browser gets the try-it page)")
            .WithExamples("/graphql?query=" + Uri.EscapeDataString("{ periods cities { id name synthetic } }"));
        graphQL.MapGet("/ui", () => TryItPage.Result())
            .WithSummary("Try GraphQL queries in the browser, with examples: compare cities, a city's scores, a KPI's history");
        return app;
    }

    /// <summary>Runs a POSTed GraphQL request.</summary>
    public static async Task<IResult> PostAsync(HttpRequest httpRequest)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        var http = httpRequest.HttpContext;
        if (ResponseMediaType.Negotiate(http.Request) is not { } mediaType)
        {
            return NotAcceptable();
        }

        if (!IsJson(http.Request.ContentType))
        {
            return GraphQLResult.Refusal(StatusCodes.Status415UnsupportedMediaType, ErrorCodes.UnsupportedMediaType,
                $"Send the GraphQL request as {ResponseMediaType.Json} ({{\"query\": ..., \"variables\": ..., \"operationName\": ...}}); this request has '{http.Request.ContentType}'.",
                mediaType);
        }

        var body = await ReadBodyAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return GraphQLResult.Refusal(StatusCodes.Status413PayloadTooLarge, ErrorCodes.RequestTooLarge,
                $"The request body is larger than the {HubDefaults.MaxRequestBodySize:N0} bytes the hub accepts.", mediaType);
        }

        var request = GraphQLRequestReader.FromJson(body, http.RequestServices.GetRequiredService<IGraphQLTextSerializer>());
        return request.Problem is { } problem
            ? GraphQLResult.Refusal(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, problem, mediaType)
            : await ExecuteAsync(http, request, CheckDocument(http, request.Query!), mediaType);
    }

    /// <summary>
    /// Runs a GraphQL query sent as GET parameters. Without a <c>query</c> parameter, a client that does not ask for a
    /// GraphQL media type (a browser following a link) gets the try-it page; a GraphQL client gets a 400.
    /// </summary>
    public static async Task<IResult> GetAsync(HttpRequest httpRequest)
    {
        ArgumentNullException.ThrowIfNull(httpRequest);
        var http = httpRequest.HttpContext;
        var query = http.Request.Query;
        if (!query.ContainsKey("query") && !ResponseMediaType.NamesGraphQLMediaType(http.Request))
        {
            return TryItPage.Result();
        }

        if (ResponseMediaType.Negotiate(http.Request) is not { } mediaType)
        {
            return NotAcceptable();
        }

        var request = GraphQLRequestReader.FromQueryString(query, http.RequestServices.GetRequiredService<IGraphQLTextSerializer>());
        if (request.Problem is { } problem)
        {
            return GraphQLResult.Refusal(StatusCodes.Status400BadRequest, ErrorCodes.InvalidRequest, problem, mediaType);
        }

        var document = CheckDocument(http, request.Query!);
        if (document.Document is { } parsed && OperationTypeOf(parsed, request.OperationName) is OperationType.Mutation or OperationType.Subscription)
        {
            http.Response.Headers.Allow = "POST";
            return GraphQLResult.Refusal(StatusCodes.Status405MethodNotAllowed, ErrorCodes.MutationOverGet,
                "GET runs queries only: a GET must not change anything. Send mutations with POST.", mediaType);
        }

        return await ExecuteAsync(http, request, document, mediaType);
    }

    // The document's size is checked before graphql-dotnet parses or validates it (DocumentLimits); validation then
    // estimates the cost and, for a costly query, takes a slot of the gate (CostCheck). The slot is the request's
    // QueryCost, a scoped service: it is given back when the request ends, after the answer is written.
    private static async Task<IResult> ExecuteAsync(HttpContext http, GraphQLRequestReader.Request request, DocumentCheck document, string mediaType)
    {
        if (document.Problem is { } problem)
        {
            return GraphQLResult.Refusal(NotExecutedStatus(mediaType), document.Code!, problem, mediaType);
        }

        var executer = http.RequestServices.GetRequiredService<IDocumentExecuter<NetworkSchema>>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document.Document,
            Variables = request.Variables,
            OperationName = request.OperationName,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });
        if (http.RequestServices.GetRequiredService<QueryCost>().Busy)
        {
            http.Response.Headers.RetryAfter = http.RequestServices.GetRequiredService<CostlyWorkGate>().RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return new GraphQLResult(result, StatusCodes.Status503ServiceUnavailable, mediaType);
        }

        return new GraphQLResult(result, StatusOf(result, mediaType), mediaType);
    }

    private static DocumentCheck CheckDocument(HttpContext http, string query) =>
        DocumentLimits.Check(query, http.RequestServices.GetRequiredService<IOptions<GraphQLOptions>>().Value);

    // A request refused before execution for what its document holds: like a validation error (400 under
    // application/graphql-response+json, 200 under application/json).
    private static int NotExecutedStatus(string mediaType) =>
        mediaType == ResponseMediaType.Json ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;

    /// <summary>
    /// 200 whenever the request was executed (even with field errors and null data), and always under
    /// <c>application/json</c>; under <c>application/graphql-response+json</c> a request that was not executed
    /// (syntax, validation, variables, limits) is 400, and one stopped by the timeout 504.
    /// </summary>
    private static int StatusOf(ExecutionResult result, string mediaType)
    {
        if (mediaType == ResponseMediaType.Json)
        {
            return StatusCodes.Status200OK;
        }

        if (result.Errors?.Any(e => e is TimeoutError) == true)
        {
            return StatusCodes.Status504GatewayTimeout;
        }

        return result.Executed ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
    }

    private static GraphQLResult NotAcceptable() =>
        GraphQLResult.Refusal(StatusCodes.Status406NotAcceptable, ErrorCodes.NotAcceptable,
            $"The hub answers GraphQL as {ResponseMediaType.GraphQLResponse} or {ResponseMediaType.Json}; the Accept header allows neither.");

    // The operation that would run: the named one, or the only one. Null when the document names no such operation
    // (the executer reports that).
    private static OperationType? OperationTypeOf(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = operationName is null
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation?.Operation;
    }

    private static bool IsJson(string? contentType) =>
        contentType is not null
        && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var parsed)
        && parsed.MediaType.Equals(ResponseMediaType.Json, StringComparison.OrdinalIgnoreCase)
        && (parsed.Charset.Length == 0 || parsed.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    // Reads at most the hub's request limit; null when the body is larger. Kestrel enforces the limit too, but
    // the test server and other hosts do not.
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > HubDefaults.MaxRequestBodySize)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > HubDefaults.MaxRequestBodySize)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
