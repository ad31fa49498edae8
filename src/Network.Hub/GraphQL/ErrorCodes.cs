using System.Text;

namespace Network.Hub.GraphQL;

/// <summary>The <c>extensions.code</c> values the hub's own GraphQL errors carry, beside graphql-dotnet's.</summary>
public static class ErrorCodes
{
    /// <summary>The request body is larger than the hub accepts.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>The HTTP request is not a well-formed GraphQL-over-HTTP request (body, parameters).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>A mutation was sent with GET.</summary>
    public const string MutationOverGet = "MUTATION_NOT_ALLOWED_OVER_GET";

    /// <summary>The content type of a POST is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The client accepts none of the media types the hub answers with.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The document is larger than the hub reads: too many tokens or fields (<see cref="GraphQLOptions.MaxTokens"/>, <see cref="GraphQLOptions.MaxFields"/>).</summary>
    public const string DocumentTooLarge = "DOCUMENT_TOO_LARGE";

    /// <summary>The query nests deeper than <see cref="GraphQLOptions.MaxDepth"/> (or the parser's <see cref="GraphQLOptions.MaxParserDepth"/>).</summary>
    public const string Depth = "DEPTH";

    /// <summary>The query's estimated cost is over <see cref="GraphQLOptions.MaxComplexity"/>.</summary>
    public const string Complexity = "COMPLEXITY";

    /// <summary>The query is costly and every slot for costly reads stayed taken: 503, try again after <c>Retry-After</c>.</summary>
    public const string Busy = "BUSY";

    /// <summary>An argument out of range or inconsistent with another (also the engine's refusal of an argument).</summary>
    public const string InvalidArgument = "INVALID_ARGUMENT";

    /// <summary><c>first</c> asks for more items than a page holds.</summary>
    public const string PageSizeLimit = "PAGE_SIZE_LIMIT";

    /// <summary>No target set has the name asked for.</summary>
    public const string UnknownTargetSet = "UNKNOWN_TARGET_SET";

    /// <summary>The catalogue has no KPI with the code asked for.</summary>
    public const string UnknownKpi = "UNKNOWN_KPI";

    /// <summary>The dimension asked for is none of the three.</summary>
    public const string UnknownDimension = "UNKNOWN_DIMENSION";

    /// <summary>The field needs a scope the caller's token does not grant.</summary>
    public const string Forbidden = "FORBIDDEN";

    /// <summary>CONSTANT_CASE of an enum member: <c>UnknownCity</c> becomes <c>UNKNOWN_CITY</c>.</summary>
    public static string Of<TEnum>(TEnum reason)
        where TEnum : struct, Enum
    {
        var name = reason.ToString();
        var code = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                code.Append('_');
            }

            code.Append(char.ToUpperInvariant(name[i]));
        }

        return code.ToString();
    }
}
