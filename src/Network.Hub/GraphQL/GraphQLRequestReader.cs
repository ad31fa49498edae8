using System.Text.Json;
using GraphQL;

namespace Network.Hub.GraphQL;

/// <summary>
/// Reads a GraphQL-over-HTTP request from a JSON body or from GET parameters, and says precisely what is wrong
/// with one that is not well formed (the door answers those with 400 before anything is executed).
/// </summary>
public static class GraphQLRequestReader
{
    /// <summary>A request as read: the parts, or the problem.</summary>
    /// <param name="Query">The GraphQL document.</param>
    /// <param name="Variables">The variables, if any.</param>
    /// <param name="OperationName">The operation to run, if named.</param>
    /// <param name="Extensions">The extensions, if any.</param>
    /// <param name="Problem">Why the request is not well formed; <see langword="null"/> when it is.</param>
    public sealed record Request(string? Query, Inputs? Variables, string? OperationName, Inputs? Extensions, string? Problem)
    {
        /// <summary>A request that is not well formed.</summary>
        public static Request Malformed(string problem) => new(null, null, null, null, problem);
    }

    /// <summary>Reads a POST body: a JSON object with a string <c>query</c>, and optional <c>variables</c>, <c>operationName</c> and <c>extensions</c>.</summary>
    public static Request FromJson(byte[] body, IGraphQLTextSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return Request.Malformed($"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Request.Malformed("The body must be a JSON object: {\"query\": \"{ cities { id } }\"}.");
            }

            if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String)
            {
                return Request.Malformed("The body must have a \"query\" that is a string holding the GraphQL document.");
            }

            return Read(
                query.GetString(),
                Member(root, "variables"),
                Member(root, "operationName"),
                Member(root, "extensions"),
                serializer);
        }
    }

    /// <summary>Reads GET parameters: <c>query</c>, and optional <c>variables</c> and <c>extensions</c> (JSON objects) and <c>operationName</c>.</summary>
    public static Request FromQueryString(IQueryCollection parameters, IGraphQLTextSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(serializer);
        if (parameters["query"] is not [{ Length: > 0 } query])
        {
            return Request.Malformed("Give the GraphQL document in the 'query' parameter, once: /graphql?query={cities{id}}.");
        }

        var variables = ParseParameter(parameters, "variables", out var variablesProblem);
        var extensions = ParseParameter(parameters, "extensions", out var extensionsProblem);
        if ((variablesProblem ?? extensionsProblem) is { } problem)
        {
            return Request.Malformed(problem);
        }

        using (variables)
        using (extensions)
        {
            var operationName = parameters["operationName"] is [{ } name] ? JsonSerializer.SerializeToElement(name) : (JsonElement?)null;
            return Read(query, variables?.RootElement, operationName, extensions?.RootElement, serializer);
        }
    }

    private static Request Read(string? query, JsonElement? variables, JsonElement? operationName, JsonElement? extensions, IGraphQLTextSerializer serializer)
    {
        if (variables is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return Request.Malformed("\"variables\" must be a JSON object mapping variable names to values, or null.");
        }

        if (operationName is { ValueKind: not (JsonValueKind.String or JsonValueKind.Null) })
        {
            return Request.Malformed("\"operationName\" must be a string naming an operation of the document, or null.");
        }

        if (extensions is { ValueKind: not (JsonValueKind.Object or JsonValueKind.Null) })
        {
            return Request.Malformed("\"extensions\" must be a JSON object, or null.");
        }

        return new Request(
            query,
            variables is { ValueKind: JsonValueKind.Object } v ? serializer.ReadNode<Inputs>(v) : null,
            operationName is { ValueKind: JsonValueKind.String } o ? o.GetString() : null,
            extensions is { ValueKind: JsonValueKind.Object } x ? serializer.ReadNode<Inputs>(x) : null,
            null);
    }

    private static JsonElement? Member(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value : null;

    private static JsonDocument? ParseParameter(IQueryCollection parameters, string name, out string? problem)
    {
        problem = null;
        if (parameters[name] is not [{ Length: > 0 } text])
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            problem = $"The '{name}' parameter is not valid JSON: {e.Message}";
            return null;
        }
    }
}
