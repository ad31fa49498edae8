using Microsoft.AspNetCore.Diagnostics;

namespace Network.Hub.Storage;

/// <summary>
/// A request that fails because the database cannot serve (<see cref="StorageFailure"/>) answers 503 ProblemDetails
/// with <c>Retry-After</c>, not 500: the request was fine and may succeed later. The operator gets one log line per
/// failure naming the endpoint and the database's reason (never anything the caller sent); the caller gets neither.
/// </summary>
internal sealed class StorageProblems(IProblemDetailsService problems, ILogger<StorageProblems> logger) : IExceptionHandler
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (StorageFailure.Describe(exception) is not { } reason || httpContext.Response.HasStarted)
        {
            return false;
        }

        // The endpoint's name comes from the route table, not from the request line.
        logger.LogError("Storage unavailable while answering {Endpoint}: {Reason}; answered 503.",
            httpContext.GetEndpoint()?.DisplayName ?? "(no endpoint)", reason);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Storage unavailable",
                Detail = $"The hub cannot use its database at the moment. Try again in {RetryAfterSeconds} s; the operator sees the reason at /health/ready and in the hub's log.",
            },
        });
    }
}
