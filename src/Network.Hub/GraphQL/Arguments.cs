using System.Globalization;
using GraphQL;
using Network.Benchmarking.Targets;
using Network.Contracts.Catalogue;
using Network.Hub.GraphQL.Loading;
using Network.Hub.Scoring;
using Network.Hub.Targets;

namespace Network.Hub.GraphQL;

/// <summary>The arguments several fields share, read and checked in one place so each error reads the same.</summary>
public static class Arguments
{
    /// <summary>How many items a list returns when <c>first</c> is not given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The most items one list may return: a larger <c>first</c> is an error naming this limit.</summary>
    public const int MaxPageSize = 500;

    /// <summary>The length the complexity analysis assumes for lists of values and KPIs (a period holds at most 111).</summary>
    public const int TypicalValues = 100;

    /// <summary>The length the complexity analysis assumes for a city's snapshots and a KPI's history.</summary>
    public const int TypicalSnapshots = 20;

    /// <summary>The request's loaders.</summary>
    public static HubLoaders Loaders(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices!.GetRequiredService<HubLoaders>();
    }

    /// <summary>The <c>first</c> argument: 1 to <see cref="MaxPageSize"/>, <see cref="DefaultPageSize"/> when absent.</summary>
    /// <exception cref="ExecutionError">Out of range; code <c>PAGE_SIZE_LIMIT</c> or <c>INVALID_ARGUMENT</c>.</exception>
    public static int First(this IResolveFieldContext context)
    {
        var first = context.GetArgument("first", DefaultPageSize);
        return first switch
        {
            > MaxPageSize => throw FieldErrors.Refusal(
                $"first: {first.ToString(CultureInfo.InvariantCulture)} is over the page size limit: a list returns at most {MaxPageSize} items per request. Ask for {MaxPageSize} or fewer and page on.",
                ErrorCodes.PageSizeLimit),
            < 1 => throw FieldErrors.Refusal($"first must be at least 1; it is {first.ToString(CultureInfo.InvariantCulture)}.", ErrorCodes.InvalidArgument),
            _ => first,
        };
    }

    /// <summary>The <c>basis</c> argument: which values a score counts; every reported one when absent.</summary>
    public static ScoringBasis BasisArgument(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetArgument("basis", ScoringBasis.AsReported);
    }

    /// <summary>The <c>targetSet</c> argument: a set's name (its newest version), or the default set when absent; resolved by <see cref="TargetSets"/>.</summary>
    /// <exception cref="ExecutionError">No set has that name; code <c>UNKNOWN_TARGET_SET</c>.</exception>
    public static async Task<TargetSet> TargetSetArgumentAsync(this IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.GetArgument<string?>("targetSet");
        var sets = context.RequestServices!.GetRequiredService<TargetSets>();
        return await sets.ResolveAsync(name, context.CancellationToken)
            ?? throw FieldErrors.Refusal($"No target set is named '{name}'; the hub has: {string.Join(", ", await sets.NamesAsync(context.CancellationToken))}.", ErrorCodes.UnknownTargetSet);
    }

    /// <summary>A KPI code argument, checked against the catalogue.</summary>
    /// <exception cref="ExecutionError">Not in the catalogue; code <c>UNKNOWN_KPI</c>.</exception>
    public static Kpi KpiArgument(this IResolveFieldContext context, string argument)
    {
        var catalogue = context.RequestServices!.GetRequiredService<KpiCatalogue>();
        var code = context.GetArgument<string>(argument);
        return catalogue.TryGet(code, out var kpi)
            ? kpi
            : throw FieldErrors.Refusal($"The catalogue {catalogue.Version} has no KPI '{code}'. KPI codes look like EC-ICT-ICT-1C.", ErrorCodes.UnknownKpi);
    }
}
