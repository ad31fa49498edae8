using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Options;
using Network.Hub.GraphQL.Limits;
using Network.Hub.GraphQL.Loading;

namespace Network.Hub.GraphQL;

/// <summary>Registers the GraphQL schema, its executer and its limits.</summary>
public static class GraphQLExtensions
{
    /// <summary>
    /// Adds the schema (<see cref="NetworkSchema"/>), the per-request <see cref="HubLoaders"/>, spec-shaped errors that
    /// never carry exception details, and the limits of <see cref="GraphQLOptions"/>: the document's size (checked by the
    /// door before parsing, <see cref="DocumentLimits"/>), depth, estimated cost and the gate for costly queries
    /// (<see cref="CostCheck"/>), and the timeout.
    /// Needs storage, scoring and the comparison service.
    /// </summary>
    public static IHostApplicationBuilder AddGraphQL(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<GraphQLOptions>(builder.Configuration.GetSection(GraphQLOptions.Section));
        builder.Services.AddScoped<HubLoaders>();
        builder.Services.AddScoped<RequestNetwork>();
        builder.Services.AddScoped<QueryCost>();
        builder.Services.AddGraphQL(graphQL => graphQL
            .AddSchema<NetworkSchema>()
            .AddGraphTypes(typeof(NetworkSchema).Assembly)
            .AddSystemTextJson()
            .AddErrorInfoProvider(errors =>
            {
                errors.ExposeExceptionDetails = false;
                errors.ExposeCode = true;
                errors.ExposeCodes = false;
                errors.ExposeData = false;
            })
            .AddComplexityAnalyzer((complexity, services) =>
            {
                // Depth and cost are checked by CostCheck, so each refusal has its own code (DEPTH, COMPLEXITY) and a
                // costly query takes its gate slot there, after validation and before execution.
                var limits = services.GetRequiredService<IOptions<GraphQLOptions>>().Value;
                complexity.MaxDepth = null;
                complexity.MaxComplexity = null;
                complexity.ValidateComplexityDelegate = context => CostCheck.RunAsync(context, limits);
            })
            .ConfigureExecutionOptions(options =>
            {
                var limits = options.RequestServices!.GetRequiredService<IOptions<GraphQLOptions>>().Value;
                options.Timeout = limits.Timeout;
                options.TimeoutAction = TimeoutAction.ReturnTimeoutError;
            })
            .AddUnhandledExceptionHandler(context =>
            {
                // The client sees "Error trying to resolve field ..." and a code, never the exception; the log has it all.
                var logger = context.Context?.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger(typeof(GraphQLApi));
                logger?.LogError(context.OriginalException, "GraphQL field {Path} failed", context.FieldContext?.Path is { } path ? string.Join('.', path) : "(document)");
            }));
        return builder;
    }
}
