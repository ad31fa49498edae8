using System.Globalization;
using Network.Hub.Hosting;

namespace Network.Hub.Problems;

/// <content>
/// The catalogue of failures the hub answers over HTTP is this record's factories, one per failure, giving its status,
/// title, type and extension members, with the detail made from the case at hand: an endpoint returns
/// <c>HubProblem.NoSuchCity(id, hint).ToResult()</c>, and nothing else builds a ProblemDetails. The catalogue is split by
/// feature (<c>HubProblem.*.cs</c>); this part holds the failures every request can meet, whichever endpoint it was for.
/// </content>
public sealed partial record HubProblem
{
    /// <summary>Seconds a client is asked to wait when the database cannot serve.</summary>
    public const int StorageRetryAfterSeconds = 30;

    /// <summary>503: the database cannot serve; the request was fine and may succeed later (<c>Retry-After</c>).</summary>
    public static HubProblem StorageUnavailable() =>
        new(StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
            $"The hub cannot use its database at the moment. Try again in {StorageRetryAfterSeconds} s; the operator sees the reason at /health/ready and in the hub's log.")
        {
            RetryAfterSeconds = StorageRetryAfterSeconds,
        };

    /// <summary>The status Kestrel chose when it refused to read a request: 413 too large, 408 too slow, else malformed.</summary>
    public static HubProblem UnreadableRequest(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => new(status, "Request body too large", string.Create(CultureInfo.InvariantCulture,
            $"The request body is larger than the {HubDefaults.MaxRequestBodySize:N0} bytes (2 MiB) the hub accepts, however it is sent (with Content-Length or chunked).")),
        StatusCodes.Status408RequestTimeout => new(status, "Request body too slow", "The request body did not arrive fast enough."),
        _ => new(status, "Malformed request", "The hub could not read this request (its framing or headers are not valid HTTP/1.1 or HTTP/2)."),
    };

    /// <summary>429: an anonymous address sent more than its share; <c>Retry-After</c> <paramref name="seconds"/>.</summary>
    public static HubProblem TooManyRequests(int seconds) =>
        new(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"This address sent more requests than the hub answers anonymously; try again in {seconds} s. Clients with an access token are not limited this way.")
        {
            RetryAfterSeconds = seconds,
        };
}
