using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Network.Hub.Pages.Desk.Coordinator;

/// <summary>
/// What a coordinator API handler answered, as a desk page shows it. The desk pages call the very handlers the API maps
/// (<c>MembershipApi</c>, <c>VerifiersApi</c>, <c>TargetSetsApi</c>), so a page refuses what the API refuses, in the same
/// words, with the same status; this reads the typed result back into a status, a value and messages.
/// </summary>
/// <param name="Status">The HTTP status the API would answer.</param>
/// <param name="Value">The answer's value when it succeeded (a <c>KeyView</c>, an <c>AssignmentView</c>…).</param>
/// <param name="Title">The problem's title when it failed.</param>
/// <param name="Detail">The problem's detail when it failed.</param>
/// <param name="Errors">The problem's errors per field (the API's field names: <c>jwk</c>, <c>id</c>, <c>name</c>…).</param>
/// <param name="Extensions">The problem's other members (e.g. a refused target set's <c>errors</c> per line).</param>
public sealed record ApiOutcome(
    int Status, object? Value, string? Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyDictionary<string, JsonElement> Extensions)
{
    /// <summary>Whether the API would have done it (2xx).</summary>
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The messages of <paramref name="field"/>, joined; null when it has none.</summary>
    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>The problem in one sentence: its title and detail.</summary>
    public string Problem => string.Join(": ", new[] { Title, Detail }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>Reads a handler's result (a <c>Results&lt;…&gt;</c> union or a plain <see cref="IResult"/>).</summary>
    public static ApiOutcome Of(IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result switch
        {
            ValidationProblem v => FromProblem(v.StatusCode, v.ProblemDetails),
            ProblemHttpResult p => FromProblem(p.StatusCode, p.ProblemDetails),
            IStatusCodeHttpResult s => new(s.StatusCode ?? StatusCodes.Status200OK, (result as IValueHttpResult)?.Value, null, null, NoErrors, NoExtensions),
            _ => new(StatusCodes.Status200OK, (result as IValueHttpResult)?.Value, null, null, NoErrors, NoExtensions),
        };
    }

    private static readonly Dictionary<string, string[]> NoErrors = [];
    private static readonly Dictionary<string, JsonElement> NoExtensions = [];

    private static ApiOutcome FromProblem(int status, ProblemDetails problem) => new(
        status,
        null,
        problem.Title,
        problem.Detail,
        (problem as HttpValidationProblemDetails)?.Errors is { } errors ? new Dictionary<string, string[]>(errors, StringComparer.OrdinalIgnoreCase) : NoErrors,
        problem.Extensions.Where(e => e.Value is not null).ToDictionary(e => e.Key, e => JsonSerializer.SerializeToElement(e.Value), StringComparer.Ordinal));
}
