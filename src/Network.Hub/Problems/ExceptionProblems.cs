using Microsoft.AspNetCore.Diagnostics;
using Network.Hub.Storage;

namespace Network.Hub.Problems;

/// <summary>
/// The one exception handler: an exception that means the caller's mistake or a database that cannot serve is answered
/// with its problem from the catalogue instead of a 500 and a stack trace.
/// <list type="bullet">
/// <item>Kestrel's refusal of a request it is reading (<see cref="BadHttpRequestException"/>), with the status Kestrel
/// chose (<see cref="HubProblem.UnreadableRequest"/>). The case that matters: a body sent chunked that passes the size
/// limit is only found out while an endpoint reads it (the JWS door, GraphQL, OpenIddict reading the token form). The
/// caller made the mistake, so only a debug line is written (the middleware records no diagnostics for an exception a
/// handler took, .NET 10).</item>
/// <item>A database that cannot serve (<see cref="StorageFailure"/>): 503 with <c>Retry-After</c>
/// (<see cref="HubProblem.StorageUnavailable"/>), since the request was fine and may succeed later. The operator gets one
/// log line naming the endpoint and the database's reason (never anything the caller sent); the caller gets neither.</item>
/// </list>
/// Anything else is a fault: the exception handler middleware logs it and answers 500 without details.
/// </summary>
internal sealed class ExceptionProblems(ILogger<ExceptionProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || Answer(httpContext, exception) is not { } problem)
        {
            return false;
        }

        // For a Kestrel refusal, Kestrel stops reading the body after this: the connection is closed once the answer is sent.
        return await problem.TryWriteAsync(httpContext);
    }

    private HubProblem? Answer(HttpContext httpContext, Exception exception)
    {
        if (exception is BadHttpRequestException bad)
        {
            logger.LogDebug("Refused a request Kestrel could not read: status {Status}", bad.StatusCode);
            return HubProblem.UnreadableRequest(bad.StatusCode);
        }

        if (StorageFailure.Describe(exception) is { } reason)
        {
            // The endpoint's name comes from the route table, not from the request line.
            logger.LogError("Storage unavailable while answering {Endpoint}: {Reason}; answered 503.",
                httpContext.GetEndpoint()?.DisplayName ?? "(no endpoint)", reason);
            return HubProblem.StorageUnavailable();
        }

        return null;
    }
}
