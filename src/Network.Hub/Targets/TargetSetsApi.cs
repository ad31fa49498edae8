using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

using Network.Hub.Identity;
using Network.Hub.Problems;

namespace Network.Hub.Targets;

/// <summary>The target sets: <c>GET /api/target-sets</c> lists them, <c>POST /api/target-sets</c> loads one from CSV.</summary>
public static class TargetSetsApi
{
    /// <summary>The largest target-set file accepted (a set of every KPI is about 20 kB).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Registers <see cref="TargetSets"/>.</summary>
    public static IHostApplicationBuilder AddTargetSets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TargetSets>();
        return builder;
    }

    /// <summary>Maps the target-set routes.</summary>
    public static IEndpointRouteBuilder MapTargetSetsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/target-sets").WithTags("Target sets");
        group.MapGet("", ListAsync).WithSummary("The target sets scores can be computed against: the default and those loaded");
        group.MapPost("", UploadAsync)
            .RequireAuthorization(Access.Coordinate)
            .WithSummary("Load a target set from CSV (kpi,dataPoint,target,source,note): ?name=&version=. Coordinators");
        return app;
    }

    /// <summary>Every target set, the default first.</summary>
    public static async Task<Ok<IReadOnlyList<TargetSetSummary>>> ListAsync(TargetSets sets, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sets.ListAsync(cancellationToken));

    /// <summary>Checks and stores a target-set file.</summary>
    public static async Task<IResult> UploadAsync(HttpRequest request, TargetSets sets, string? name, string? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sets);
        var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            missing["name"] = ["Give the set a name of 1 to 100 characters, e.g. ?name=trondheim-2030-goals."];
        }

        if (string.IsNullOrWhiteSpace(version) || version.Length > 50)
        {
            missing["version"] = ["Give the set a version of 1 to 50 characters, e.g. ?version=1."];
        }

        if (missing.Count > 0)
        {
            return HubProblem.TargetSetUnnamed(missing).ToValidationResult();
        }

        if (request.ContentType is not { } contentType
            || !(contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            return HubProblem.TargetSetNotCsv().ToResult();
        }

        if (request.ContentLength > MaxBytes)
        {
            return HubProblem.TargetSetTooLarge().ToResult();
        }

        var buffer = new char[MaxBytes + 1];
        using var reader = new StreamReader(request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        if (length > MaxBytes)
        {
            return HubProblem.TargetSetTooLarge().ToResult();
        }

        var upload = await sets.AddAsync(name!.Trim(), version!.Trim(), new string(buffer, 0, length), cancellationToken);
        return upload.Outcome switch
        {
            TargetSetUploadOutcome.Created => TypedResults.Created($"/api/target-sets?name={Uri.EscapeDataString(upload.Set!.Name)}", upload.Set),
            TargetSetUploadOutcome.Unchanged => TypedResults.Ok(upload.Set),
            TargetSetUploadOutcome.Conflict => HubProblem.TargetSetVersionTaken(upload.Conflict).ToResult(),
            _ => HubProblem.TargetSetRefused(upload.Errors).ToResult(),
        };
    }
}
