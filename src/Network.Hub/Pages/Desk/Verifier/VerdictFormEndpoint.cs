using Microsoft.AspNetCore.Http.HttpResults;
using Network.Hub.Exports;
using Network.Hub.Pages.Layout;
using Network.Hub.People;

namespace Network.Hub.Pages.Desk.Verifier;

/// <summary>
/// <c>POST /desk/verification/snapshots/{snapshotId}</c>, the verdict form's submission. A page renders HTML and this
/// answer is a file, so the form's POST is this endpoint (ordered before the page's own POST): the filled verdict sheet
/// as a CSV download when it reads back clean, else the form again, with the reader's words beside each value (400).
/// It authenticates with the sign-in cookie and the verifier's page policy, and requires the antiforgery token (it reads
/// the form).
/// </summary>
public static class VerdictFormEndpoint
{
    /// <summary>The verdict form's address (the page's route).</summary>
    public const string Route = "/desk/verification/snapshots/{snapshotId:guid}";

    /// <summary>Maps the form's POST.</summary>
    public static IEndpointRouteBuilder MapVerdictForm(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost(Route, PostAsync)
            .RequireAuthorization(PageAccess.Verifier)
            .WithMetadata(PersonEndpointMetadata.Instance)
            .WithOrder(-1)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> PostAsync(Guid snapshotId, IFormCollection form, HttpContext context, VerifierDeskReader desk, CancellationToken cancellationToken)
    {
        var (snapshot, refusal) = await desk.SnapshotAsync(context.User, snapshotId, cancellationToken);
        if (snapshot is null || snapshot.Snapshot.Values.Count > VerdictFormSheet.MaxValues)
        {
            // The page says why (no such snapshot, not assigned, too many values for a form) with the status.
            return new RazorComponentResult<App>();
        }

        var choices = VerdictFormSheet.Choices(form, snapshot.Snapshot.Values.Count);
        var filled = VerdictFormSheet.Fill(snapshot.Sheet, snapshot.Snapshot, choices, snapshot.FileName);
        if (filled.Ok)
        {
            return TypedResults.File(filled.Sheet!, ComparisonExports.CsvMediaType, snapshot.FileName);
        }

        context.Items[VerdictFormPosted.Key] = new VerdictFormPosted(choices, filled);
        return new RazorComponentResult<App> { StatusCode = StatusCodes.Status400BadRequest };
    }
}

/// <summary>A verdict form posted with problems, handed from <see cref="VerdictFormEndpoint"/> to the page that shows it again.</summary>
/// <param name="Choices">What the verifier chose, per value, to fill the form in again.</param>
/// <param name="Filled">The reader's problems.</param>
public sealed record VerdictFormPosted(IReadOnlyList<VerdictChoice> Choices, FilledForm Filled)
{
    /// <summary>The key in <see cref="HttpContext.Items"/>.</summary>
    public static readonly object Key = new();

    /// <summary>The posted form of this request, if any.</summary>
    public static VerdictFormPosted? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Key, out var posted) ? posted as VerdictFormPosted : null;
    }
}
