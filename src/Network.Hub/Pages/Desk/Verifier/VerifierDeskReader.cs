using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Network.Hub.Identity;
using Network.Hub.Storage;
using Network.Hub.Verification;
using Network.Hub.Verifiers;
using Network.ValueFiles;

namespace Network.Hub.Pages.Desk.Verifier;

/// <summary>
/// What the verifier's desk shows of one snapshot, read through the verifier's own services: the verdict sheet
/// (<see cref="VerdictSheetApi"/>, which also decides whether this verifier may see the snapshot at all) and its place
/// in the verifier's queue (<see cref="VerificationQueueReader"/>: the verdict that counts per value, open questions).
/// </summary>
public sealed class VerifierDeskReader(NetworkDbContext db, VerificationQueueReader queue)
{
    /// <summary>
    /// The snapshot <paramref name="snapshotId"/> as the signed-in verifier <paramref name="user"/> judges it, or the
    /// refusal in words with its status (404 for no such snapshot, 403 for a city the verifier is not assigned to).
    /// </summary>
    public async Task<(DeskSnapshot? Snapshot, DeskRefusal? Refusal)> SnapshotAsync(ClaimsPrincipal user, Guid snapshotId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var answer = await VerdictSheetApi.SheetAsync(snapshotId, "csv", user, db, cancellationToken);
        if (answer.Result is ProblemHttpResult problem)
        {
            return (null, new DeskRefusal(problem.StatusCode, problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "This snapshot cannot be judged here."));
        }

        var file = (FileContentHttpResult)answer.Result;
        var bytes = file.FileContents.ToArray();
        using var csv = new MemoryStream(bytes);
        var judged = VerdictSheet.ReadSnapshotCsv(csv, file.FileDownloadName ?? "sheet.csv").Value;
        var verifierId = user.VerifierId()!;
        var queued = (await queue.ForAsync(verifierId, judged.CityId, judged.Period, cancellationToken))?.Snapshots
            .FirstOrDefault(s => s.SnapshotId == snapshotId);
        var cityName = await db.Cities.AsNoTracking().Where(c => c.Id == judged.CityId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken) ?? judged.CityId;
        return (new DeskSnapshot(judged, bytes, file.FileDownloadName!, cityName, queued), null);
    }
}

/// <summary>A snapshot on the verifier's desk.</summary>
/// <param name="Snapshot">The snapshot as its verdict sheet holds it (values in the sheet's order).</param>
/// <param name="Sheet">The empty CSV verdict sheet, as <c>GET /api/verification/snapshots/{id}/sheet</c> gives it.</param>
/// <param name="FileName">The sheet's file name, e.g. <c>verdicts-NO-5001-2020-1a2b3c4d.csv</c>.</param>
/// <param name="CityName">The city's name.</param>
/// <param name="Queued">The snapshot in the verifier's queue (verdicts that count, open questions); null when it is no longer the current snapshot of its period.</param>
public sealed record DeskSnapshot(JudgedSnapshot Snapshot, byte[] Sheet, string FileName, string CityName, QueuedSnapshot? Queued)
{
    /// <summary>The queue's view of the value <paramref name="kpi"/> (<paramref name="dataPoint"/>); null when not queued.</summary>
    public QueuedValue? Value(string kpi, string? dataPoint) =>
        Queued?.Values.FirstOrDefault(v => v.Kpi == kpi && v.DataPoint == dataPoint);
}

/// <summary>Why a desk page cannot show what was asked, with the status it answers.</summary>
/// <param name="Status">The HTTP status (403, 404, 400).</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record DeskRefusal(int Status, string Message);
