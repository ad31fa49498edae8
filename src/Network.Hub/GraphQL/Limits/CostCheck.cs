using System.Globalization;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using Network.Hub.Limits;

namespace Network.Hub.GraphQL.Limits;

/// <summary>
/// The last step of validation, run by graphql-dotnet's complexity analyzer once it has estimated the operation's depth
/// and cost (and only when every other rule passed): refuses a query nested too deep (<c>DEPTH</c>) or estimated too
/// costly (<c>COMPLEXITY</c>), and has a costly one take a slot of the process-wide <see cref="CostlyWorkGate"/>
/// before it runs (<c>BUSY</c>, answered 503 with <c>Retry-After</c>, when none comes free in time).
/// </summary>
public static class CostCheck
{
    /// <summary>Checks the estimate against <paramref name="limits"/>; see the class summary.</summary>
    public static async Task RunAsync(ComplexityValidationContext context, GraphQLOptions limits)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var validation = context.ValidationContext;
        var cost = validation.RequestServices?.GetService<QueryCost>();
        if (cost is not null)
        {
            cost.Estimate = context.TotalImpact;
        }

        if (context.MaxDepth > limits.MaxDepth)
        {
            context.Error = Error(validation, ErrorCodes.Depth,
                $"The query nests {context.MaxDepth} fields deep; the hub answers queries at most {limits.MaxDepth} deep. Flatten the selection or split the query.");
            return;
        }

        if (context.TotalImpact > limits.MaxComplexity)
        {
            context.Error = Error(validation, ErrorCodes.Complexity, string.Create(CultureInfo.InvariantCulture,
                $"The query's estimated cost is {context.TotalImpact:0}; the hub answers queries up to {limits.MaxComplexity}. Each field counts once per item of the lists around it, and peers, learnFrom, compare, scores, network and history count what they compute, once per alias. Ask for fewer items (first, limit) or fewer aliases, or split the query."));
            return;
        }

        if (context.TotalImpact < limits.CostlyFrom || cost is null || validation.RequestServices?.GetService<CostlyWorkGate>() is not { } gate)
        {
            return;
        }

        cost.Slot = await gate.TryEnterAsync(validation.CancellationToken);
        if (cost.Slot is null)
        {
            cost.Busy = true;
            context.Error = Error(validation, ErrorCodes.Busy, string.Create(CultureInfo.InvariantCulture,
                $"The hub is running as many costly queries as it allows at once ({gate.Options.MaxConcurrent}) and none finished in time. Try again in {gate.RetryAfterSeconds} s (Retry-After)."));
        }
    }

    private static ValidationError Error(ValidationContext validation, string code, string message) =>
        new(validation.Document.Source, code, message, validation.Operation) { Code = code };
}
