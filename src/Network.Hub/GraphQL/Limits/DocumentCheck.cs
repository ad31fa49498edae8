using GraphQLParser.AST;

namespace Network.Hub.GraphQL.Limits;

/// <summary>The outcome of <see cref="DocumentLimits.Check"/>: a parsed document, a refusal, or neither (a syntax error).</summary>
/// <param name="Document">The parsed document; <see langword="null"/> when refused or not parsable.</param>
/// <param name="Problem">Why the document is refused, naming the limit; <see langword="null"/> when it is not.</param>
/// <param name="Code">The refusal's <c>extensions.code</c>.</param>
public sealed record DocumentCheck(GraphQLDocument? Document, string? Problem, string? Code)
{
    /// <summary>The document does not parse; the executer reports the syntax error.</summary>
    public static DocumentCheck Unparsed { get; } = new(null, null, null);

    /// <summary>The document is within the limits.</summary>
    public static DocumentCheck Parsed(GraphQLDocument document) => new(document, null, null);

    /// <summary>The document passes a limit.</summary>
    public static DocumentCheck Refused(string problem, string code = ErrorCodes.DocumentTooLarge) => new(null, problem, code);
}
