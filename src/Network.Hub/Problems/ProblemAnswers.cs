namespace Network.Hub.Problems;

/// <summary>
/// Registers the one way a failure becomes an HTTP answer: ASP.NET Core's ProblemDetails service (which gives every
/// answer its default <c>type</c> for the status and a <c>traceId</c>, and here its <c>instance</c>: the request path)
/// and <see cref="ExceptionProblems"/> for the exceptions that are not faults.
/// </summary>
public static class ProblemAnswers
{
    /// <summary>Adds the ProblemDetails service and the exception handler; the pipeline's <c>UseExceptionHandler</c> runs it.</summary>
    public static IServiceCollection AddProblemAnswers(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path);
        services.AddExceptionHandler<ExceptionProblems>();
        return services;
    }
}
