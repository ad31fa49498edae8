using Network.Contracts.Messages;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Hub.Ingestion;

namespace Network.Hub.Problems;

/// <content>The snapshot door (<c>/api/snapshots</c>).</content>
public sealed partial record HubProblem
{
    /// <summary>The problem type of a snapshot the verifier refused.</summary>
    public const string SnapshotRejectedType = "https://u4ssc.network/problems/snapshot-rejected";

    /// <summary>The problem type of a snapshot for another city than the token's.</summary>
    public const string NotYourCityType = "https://u4ssc.network/problems/not-your-city";

    /// <summary>415: a snapshot not sent as <c>application/jose</c>.</summary>
    public static HubProblem SnapshotNotJose(string? contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, "Send the snapshot as application/jose",
            $"The body must be the compact JWS with Content-Type: {SnapshotsApi.JoseMediaType} (or, with its disclosures, the SD-JWT with {SnapshotsApi.SdJwtMediaType}); this request has '{contentType}'.");

    /// <summary>413: a snapshot body larger than <see cref="SnapshotsApi.MaxBodyBytes"/>.</summary>
    public static HubProblem SnapshotTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Snapshot too large",
            $"The body is larger than {SnapshotsApi.MaxBodyBytes:N0} bytes; a snapshot payload may be at most {SnapshotFormat.MaxPayloadBytes:N0} bytes.");

    /// <summary>404: no accepted snapshot has this id.</summary>
    public static HubProblem NoSuchSnapshot(Guid snapshotId) =>
        new(StatusCodes.Status404NotFound, "No such snapshot", $"The hub holds no accepted snapshot {snapshotId}.");

    /// <summary>
    /// 403: the snapshot names another city than the token's (or the token is no node's): <c>tokenCity</c>, and one
    /// <c>errors</c> entry of the same shape, reason and code as every other refusal's.
    /// </summary>
    public static HubProblem NotTheTokensCity(string? tokenCity, string message) =>
        new HubProblem(StatusCodes.Status403Forbidden, "Not this client's city", message + " Nothing was stored.") { Type = NotYourCityType }
            .With("tokenCity", tokenCity)
            .With("errors", new[] { new RejectionView(nameof(RejectionReason.NotTheSendersCity), (int)RejectionReason.NotTheSendersCity, "$.cityId", message) });

    /// <summary>
    /// The verifier's refusal (<see cref="SnapshotsApi.StatusFor"/>: 409, 422 or 400) with <c>snapshotId</c>,
    /// <c>digest</c> and every reason in <c>errors</c> (<see cref="RejectionView"/>).
    /// </summary>
    public static HubProblem SnapshotRejected(SnapshotRejected rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var status = SnapshotsApi.StatusFor(rejected.Reasons);
        var title = status switch
        {
            StatusCodes.Status409Conflict => "Snapshot conflicts with one already stored",
            StatusCodes.Status422UnprocessableEntity => "Snapshot content is not valid",
            _ => "Not a valid signed snapshot",
        };
        return new HubProblem(status, title,
                $"The snapshot was refused for {rejected.Reasons.Count} reason(s); nothing was stored. Each entry in 'errors' names the field and why.")
            {
                Type = SnapshotRejectedType,
            }
            .With("snapshotId", rejected.SnapshotId)
            .With("digest", rejected.Digest)
            .With("errors", rejected.Reasons.Select(r => new RejectionView(r.Reason.ToString(), (int)r.Reason, r.Field, r.Message)).ToArray());
    }
}
