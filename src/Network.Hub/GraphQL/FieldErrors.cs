using GraphQL;
using Network.Hub.Comparison;
using Network.Hub.Matching;

namespace Network.Hub.GraphQL;

/// <summary>
/// The one place a failure becomes a GraphQL error (<c>message</c> and <c>extensions.code</c>, <see cref="ErrorCodes"/>):
/// an argument the hub refuses, a comparison's problems, the engine's refusals (<see cref="EngineRefusal"/>), and the
/// door's refusals of a whole request (<see cref="GraphQLResult.Refusal"/>). Any other exception is a fault: the
/// executer answers "Error trying to resolve field ..." and logs it (<see cref="GraphQLExtensions"/>), never echoing it.
/// </summary>
public static class FieldErrors
{
    /// <summary>An error with its code, for a resolver to throw (the executer places it at the field).</summary>
    public static ExecutionError Refusal(string message, string code) => new(message) { Code = code };

    /// <summary>An error with its code, located at the field of <paramref name="context"/> and its path.</summary>
    public static ExecutionError At(IResolveFieldContext context, string message, string code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var error = Refusal(message, code);
        error.AddLocation(context.FieldAst, context.Document);
        error.Path = context.Path;
        return error;
    }

    /// <summary>A comparison's problem at the field: its message, and its reason as the code (<c>UNKNOWN_CITY</c>, ...).</summary>
    public static ExecutionError Of(IResolveFieldContext context, ComparisonProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return At(context, problem.Message, ErrorCodes.Of(problem.Reason));
    }

    /// <summary>
    /// Runs the engine's <paramref name="question"/>, reporting its refusals as errors at the field: code
    /// <c>CITY_NOT_REPORTED</c> or <c>INVALID_ARGUMENT</c> (<see cref="EngineRefusalKind"/>), with the engine's message.
    /// </summary>
    public static T Guard<T>(IResolveFieldContext context, Func<T> question)
    {
        ArgumentNullException.ThrowIfNull(question);
        try
        {
            return question();
        }
        catch (Exception e) when (EngineRefusal.Of(e) is { } refusal)
        {
            throw At(context, refusal.Message, ErrorCodes.Of(refusal.Kind));
        }
    }
}
