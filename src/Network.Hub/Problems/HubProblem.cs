using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Network.Hub.Problems;

/// <summary>
/// A failure as the hub answers it over HTTP (RFC 9457 ProblemDetails): the status, a title and a detail a caller can act
/// on, and, where a client reads more than words, the problem <see cref="Type"/>, extension members (reason codes, the
/// snapshot's digest, ...) and field <see cref="Errors"/>. Every ProblemDetails the hub sends is built here
/// (<see cref="ToProblemDetails"/>) and written by ASP.NET Core's <see cref="IProblemDetailsService"/>, which adds what
/// every answer carries (<c>instance</c>, <c>traceId</c>, the default <c>type</c> for the status;
/// <see cref="ProblemAnswers"/>). Endpoints return <see cref="ToResult"/>; middleware writes with <see cref="WriteAsync"/>.
/// The named failures are its factories (HubProblem.*.cs): the catalogue of every failure the hub answers.
/// </summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Title">What went wrong, in a few words.</param>
/// <param name="Detail">What went wrong and what to do, in a sentence or two.</param>
public sealed partial record HubProblem(int Status, string Title, string? Detail)
{
    /// <summary>A URI naming the kind of problem for clients that branch on it; null for the status's default.</summary>
    public string? Type { get; init; }

    /// <summary>Extension members, written after the standard members in this order.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Extensions { get; init; } = [];

    /// <summary>Field errors (name to messages), written as the <c>errors</c> member of a validation problem; null for none.</summary>
    public IDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Seconds the caller is asked to wait (<c>Retry-After</c>); written by <see cref="WriteAsync"/>.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>This problem with one more extension member.</summary>
    public HubProblem With(string name, object? value) => this with { Extensions = [.. Extensions, new(name, value)] };

    /// <summary>The ProblemDetails (an <see cref="HttpValidationProblemDetails"/> when there are <see cref="Errors"/>).</summary>
    public ProblemDetails ToProblemDetails()
    {
        var problem = Errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(Errors);
        problem.Status = Status;
        problem.Title = Title;
        problem.Detail = Detail;
        problem.Type = Type;
        foreach (var (name, value) in Extensions)
        {
            problem.Extensions[name] = value;
        }

        return problem;
    }

    /// <summary>The endpoint result that answers this problem.</summary>
    public ProblemHttpResult ToResult() => TypedResults.Problem(ToProblemDetails());

    /// <summary>
    /// The endpoint result for a problem with field <see cref="Errors"/>, declared as a validation problem in the
    /// endpoint's metadata.
    /// </summary>
    /// <exception cref="InvalidOperationException">The problem has no field errors.</exception>
    public ValidationProblem ToValidationResult() =>
        TypedResults.ValidationProblem(
            Errors ?? throw new InvalidOperationException($"'{Title}' has no field errors."),
            Detail, instance: null, Title, Type, Extensions.Count == 0 ? null : Extensions);

    /// <summary>
    /// Writes this problem as the response (status, <c>Retry-After</c>, body), for middleware that answers outside an
    /// endpoint; false when no writer takes it (the caller accepts no JSON).
    /// </summary>
    public ValueTask<bool> TryWriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ToProblemDetails() });
    }

    /// <summary>As <see cref="TryWriteAsync"/>, and fails when no writer takes it.</summary>
    /// <exception cref="InvalidOperationException">No ProblemDetails writer could write the response.</exception>
    public async ValueTask WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = Status;
        if (RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = ToProblemDetails() });
    }
}
