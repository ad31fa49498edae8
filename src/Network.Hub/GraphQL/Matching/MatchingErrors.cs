using GraphQL;

namespace Network.Hub.GraphQL.Matching;

/// <summary>Turns the engine's refusals (an unknown city, a bad KPI list) into GraphQL errors that say what to fix.</summary>
internal static class MatchingErrors
{
    /// <summary>Runs <paramref name="match"/>, reporting the engine's argument errors as field errors.</summary>
    public static T Guard<T>(IResolveFieldContext context, Func<T> match)
    {
        try
        {
            return match();
        }
        catch (KeyNotFoundException e)
        {
            throw Error(context, e.Message, "CITY_NOT_REPORTED");
        }
        catch (ArgumentException e)
        {
            throw Error(context, e.Message, "INVALID_ARGUMENT");
        }
    }

    /// <summary>An error located at the field.</summary>
    public static ExecutionError Error(IResolveFieldContext context, string message, string code)
    {
        var error = new ExecutionError(message) { Code = code };
        error.AddLocation(context.FieldAst, context.Document);
        error.Path = context.Path;
        return error;
    }
}
