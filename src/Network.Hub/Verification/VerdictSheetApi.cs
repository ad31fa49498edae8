using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Snapshots;
using Network.Hub.Embargo;
using Network.Hub.Exports;
using Network.Hub.Identity;
using Network.Hub.Problems;
using Network.Hub.Storage;
using Network.ValueFiles;

namespace Network.Hub.Verification;

/// <summary>
/// The verifier's verdict sheet: <c>GET /api/verification/snapshots/{snapshotId}/sheet?format=csv|xlsx</c>, the
/// snapshot's values prefilled (unit, quality class, origin, source and the city's note) with empty verdict, reason and
/// question cells (<see cref="VerdictSheet"/>). Only a verifier assigned to the snapshot's city gets it; it may be
/// preliminary, since the verifier checks the values before the city publishes them.
/// </summary>
public static class VerdictSheetApi
{
    /// <summary>Maps the route, requiring <see cref="Access.Verify"/>.</summary>
    public static IEndpointRouteBuilder MapVerdictSheetApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/verification").WithTags("Verification").RequireAuthorization(Access.Verify)
            .MapGet("/snapshots/{snapshotId:guid}/sheet", SheetAsync)
            .WithSummary("The verdict sheet of a snapshot, prefilled with its values: ?format=csv|xlsx. Its assigned verifiers");
        return app;
    }

    /// <summary>The sheet as CSV (the default) or XLSX.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SheetAsync(
        Guid snapshotId, string? format, ClaimsPrincipal user, NetworkDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var xlsx = string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase);
        if (!xlsx && format is not null && !string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase))
        {
            return HubProblem.QuestionNotValid(new Dictionary<string, string[]> { ["format"] = ["the sheet comes as csv (the default) or xlsx"] }).ToResult();
        }

        if (user.VerifierId() is not { } verifierId)
        {
            return HubProblem.NoVerifierOnToken().ToResult();
        }

        // The verifier is no network:read member, but its assigned cities' preliminary snapshots and notes are its work.
        db.Readership = Readership.Network;
        var snapshot = await db.Snapshots.AsNoTracking()
            .Where(s => s.SnapshotId == snapshotId)
            .Select(s => new { s.SnapshotId, s.CityId, s.Period, s.Digest })
            .SingleOrDefaultAsync(cancellationToken);
        if (snapshot is null)
        {
            return HubProblem.NoSnapshotToVerify(snapshotId, "snapshotId").ToResult();
        }

        if (!await VerifierCaller.IsAssignedAsync(db, verifierId, snapshot.CityId, cancellationToken))
        {
            return HubProblem.VerifierNotAssigned(verifierId, snapshot.CityId, "snapshotId").ToResult();
        }

        var values = await db.KpiValues.AsNoTracking().Where(v => v.SnapshotId == snapshotId).OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var judged = new JudgedSnapshot(snapshot.SnapshotId, snapshot.Digest, snapshot.CityId, snapshot.Period,
            values.Select(v => new KpiValue(v.KpiCode, StoredDataPoint.Read(v.DataPoint), v.Value, v.Unit, v.Quality, v.Origin, v.Source, MembersOnly.Note(v, db.SeesNetworkData))).ToList());

        using var output = new MemoryStream();
        if (xlsx)
        {
            VerdictSheet.WriteXlsx(output, judged);
        }
        else
        {
            VerdictSheet.WriteCsv(output, judged);
        }

        var name = $"verdicts-{judged.CityId}-{judged.Period}-{judged.SnapshotId.ToString("N")[..8]}.{(xlsx ? "xlsx" : "csv")}";
        return TypedResults.File(output.ToArray(), xlsx ? ComparisonExports.XlsxMediaType : ComparisonExports.CsvMediaType, name);
    }
}
