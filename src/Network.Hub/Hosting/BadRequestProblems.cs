using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;

namespace Network.Hub.Hosting;

/// <summary>
/// Turns Kestrel's refusals of a request it is reading (<see cref="BadHttpRequestException"/>) into ProblemDetails with
/// the status Kestrel chose, instead of a 500 and a logged stack trace. The case that matters: a body sent chunked
/// (no <c>Content-Length</c>) that passes <see cref="HubDefaults.MaxRequestBodySize"/> is only found out while an
/// endpoint reads it (the JWS door, GraphQL, OpenIddict reading the token form), and Kestrel throws with status 413.
/// The caller made the mistake, so nothing is logged as an error: the middleware records no diagnostics for an
/// exception a handler took (.NET 10), and this one writes a debug line only.
/// </summary>
internal sealed class BadRequestProblems(IProblemDetailsService problems, ILogger<BadRequestProblems> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted)
        {
            return false;
        }

        logger.LogDebug("Refused a request Kestrel could not read: status {Status}", bad.StatusCode);
        var (title, detail) = bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => ("Request body too large", string.Create(CultureInfo.InvariantCulture,
                $"The request body is larger than the {HubDefaults.MaxRequestBodySize:N0} bytes (2 MiB) the hub accepts, however it is sent (with Content-Length or chunked).")),
            StatusCodes.Status408RequestTimeout => ("Request body too slow", "The request body did not arrive fast enough."),
            _ => ("Malformed request", "The hub could not read this request (its framing or headers are not valid HTTP/1.1 or HTTP/2)."),
        };
        httpContext.Response.StatusCode = bad.StatusCode;
        // Kestrel stops reading the body after this: the connection is closed once the answer is sent.
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = title, Detail = detail },
        });
    }
}
