using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Hub.Embargo;
using Network.Hub.Storage;
using Network.Hub.Verification;

namespace Network.Hub.Pages.Desk.Analyst;

/// <summary>
/// What a city's analyst reads on the city's desk, all of it about the one city of the person's <c>city</c> claim and
/// read as a member (the signed-in analyst's readership): the snapshots the city sent (current or superseded), the
/// submissions the hub refused with their reasons (the error records ingestion writes), the question threads with its
/// verifiers, and the values of a period with the verdict that counts (<see cref="ValueVerdicts"/>) and the city's notes.
/// </summary>
public sealed class CityDeskReader(NetworkDbContext db)
{
    /// <summary>The most snapshots and refusals the desk lists, newest first.</summary>
    public const int MaxListed = 100;

    private static readonly JsonSerializerOptions ReasonJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The desk of <paramref name="cityId"/> with the values of <paramref name="period"/> (the latest when null); null when the city is no member.</summary>
    public async Task<CityDeskView?> ForAsync(string cityId, int? period, CancellationToken cancellationToken)
    {
        var city = await db.Cities.AsNoTracking().Where(c => c.Id == cityId).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken);
        if (city is null)
        {
            return null;
        }

        var current = (await db.CurrentSnapshots().Where(s => s.CityId == cityId)
            .Select(s => new { s.SnapshotId, s.Period }).ToListAsync(cancellationToken)).ToDictionary(s => s.Period, s => s.SnapshotId);
        var sent = await db.Snapshots.AsNoTracking().Where(s => s.CityId == cityId)
            .OrderByDescending(s => s.ReceivedAt).Take(MaxListed)
            .Select(s => new SentSnapshot(s.SnapshotId, s.Period, s.Status, s.Supersedes, s.Public, s.IssuedAt, s.ReceivedAt, s.Door, s.Digest, s.Values.Count, null))
            .ToListAsync(cancellationToken);
        sent = [.. sent.Select(s => s with { CurrentOfPeriod = current.GetValueOrDefault(s.Period) })];

        var periods = current.Keys.OrderByDescending(p => p).ToList();
        var shown = period is { } asked && periods.Contains(asked) ? asked : periods.Count > 0 ? periods[0] : (int?)null;
        var values = shown is { } p
            ? await db.CurrentValuesOf(p).Where(v => v.CityId == cityId).WithVerdicts(db).OrderBy(x => x.Value.Id).AsNoTracking().ToListAsync(cancellationToken)
            : [];

        return new CityDeskView(city.Id, city.Name, periods, shown,
            [.. values.Select(v => new DeskValue(v.Value, MembersOnly.Note(v.Value, db.SeesNetworkData), ValueVerdict.Of(v.Verdict)))],
            sent, await RefusedAsync(cityId, cancellationToken), await ThreadsAsync(cityId, cancellationToken));
    }

    // The refused snapshots the city sent, or that claimed to be the city's. The error records hold refused attestations
    // too (no kind column): those are told apart by their protected header's typ, as the record's documentation says.
    private async Task<IReadOnlyList<RefusedSubmission>> RefusedAsync(string cityId, CancellationToken cancellationToken)
    {
        var records = await db.RejectedSubmissions.AsNoTracking()
            .Where(r => r.ClaimedCityId == cityId || r.NodeCityId == cityId)
            .OrderByDescending(r => r.RejectedAt).Take(MaxListed)
            .Select(r => new { r.RejectedAt, r.Door, r.ClaimedSnapshotId, r.Digest, r.ReasonsJson, Head = r.Excerpt.Substring(0, 512) })
            .ToListAsync(cancellationToken);
        return [.. records
            .Where(r => !IsAttestation(r.Head))
            .Select(r => new RefusedSubmission(r.RejectedAt, r.Door, r.ClaimedSnapshotId, r.Digest, Reasons(r.ReasonsJson)))];
    }

    // The city's threads, as GET /api/cities/{cityId}/questions groups them for the city's node: one per value and
    // verifier, oldest message first; open ones (the verifier's turn is over, the city's is due) first.
    private async Task<IReadOnlyList<QuestionThread>> ThreadsAsync(string cityId, CancellationToken cancellationToken)
    {
        var messages = await db.ThreadMessages.AsNoTracking().Where(m => m.CityId == cityId)
            .OrderByDescending(m => m.PostedAt).ThenByDescending(m => m.Id)
            .Take(QuestionThreadsApi.MaxMessages)
            .ToListAsync(cancellationToken);
        return [.. messages
            .GroupBy(m => (m.Period, m.KpiCode, m.DataPoint, m.VerifierId))
            .Select(g =>
            {
                var oldestFirst = g.Reverse().Select(ThreadMessageView.Of).ToList();
                return new QuestionThread(g.Key.Period, g.Key.KpiCode, StoredDataPoint.Read(g.Key.DataPoint), g.Key.VerifierId,
                    oldestFirst[^1].Author == ThreadAuthor.Verifier, oldestFirst);
            })
            .OrderByDescending(t => t.Open).ThenByDescending(t => t.Period).ThenBy(t => t.Kpi, StringComparer.Ordinal)
            .ThenBy(t => t.DataPoint, StringComparer.Ordinal).ThenBy(t => t.VerifierId, StringComparer.Ordinal)];
    }

    private static List<Rejection> Reasons(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<Rejection>>(json, ReasonJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static bool IsAttestation(string head)
    {
        var dot = head.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return false;
        }

        try
        {
            var part = head[..dot].Replace('-', '+').Replace('_', '/');
            var header = Convert.FromBase64String(part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '='));
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(header));
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String
                && typ.GetString() == AttestationFormat.TokenType;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return false;
        }
    }
}

/// <summary>A city's desk.</summary>
/// <param name="CityId">The city.</param>
/// <param name="Name">Its name.</param>
/// <param name="Periods">The periods of its current snapshots, newest first (preliminary ones included).</param>
/// <param name="Period">The period whose values are shown; null when the city has sent nothing yet.</param>
/// <param name="Values">The current values of that period, in the snapshot's order.</param>
/// <param name="Sent">The snapshots the hub accepted from the city, newest received first (at most <see cref="CityDeskReader.MaxListed"/>).</param>
/// <param name="Refused">The snapshots the hub refused, newest first, with the reasons.</param>
/// <param name="Threads">The question threads with the city's verifiers, open ones first.</param>
public sealed record CityDeskView(
    string CityId, string Name, IReadOnlyList<int> Periods, int? Period, IReadOnlyList<DeskValue> Values,
    IReadOnlyList<SentSnapshot> Sent, IReadOnlyList<RefusedSubmission> Refused, IReadOnlyList<QuestionThread> Threads);

/// <summary>A value on the city's desk.</summary>
/// <param name="Value">The stored value.</param>
/// <param name="Note">The city's note (members only).</param>
/// <param name="Verdict">The verdict that counts for it, if any.</param>
public sealed record DeskValue(KpiValueRecord Value, string? Note, ValueVerdict? Verdict);

/// <summary>A snapshot the hub accepted from the city.</summary>
/// <param name="SnapshotId">Its id.</param>
/// <param name="Period">Its period.</param>
/// <param name="Status">Preliminary, final or correction.</param>
/// <param name="Supersedes">For a correction, the snapshot it corrects.</param>
/// <param name="Public">Whether it is part of the public record (false while embargoed).</param>
/// <param name="IssuedAt">When the city signed it.</param>
/// <param name="ReceivedAt">When the hub stored it.</param>
/// <param name="Door">The way it came in.</param>
/// <param name="Digest">Its digest.</param>
/// <param name="Values">How many values it holds.</param>
/// <param name="CurrentOfPeriod">The current snapshot of its period (itself when it is current).</param>
public sealed record SentSnapshot(
    Guid SnapshotId, int Period, SnapshotStatus Status, Guid? Supersedes, bool Public, DateTimeOffset IssuedAt, DateTimeOffset ReceivedAt,
    SubmissionDoor Door, string Digest, int Values, Guid? CurrentOfPeriod)
{
    /// <summary>Whether it is the current snapshot of its period.</summary>
    public bool Current => CurrentOfPeriod == SnapshotId;
}

/// <summary>A submission the hub refused.</summary>
/// <param name="RejectedAt">When.</param>
/// <param name="Door">The way it came in.</param>
/// <param name="ClaimedSnapshotId">The snapshot id it claimed, if readable.</param>
/// <param name="Digest">The digest of what arrived.</param>
/// <param name="Reasons">Why, each with the field.</param>
public sealed record RefusedSubmission(DateTimeOffset RejectedAt, SubmissionDoor Door, Guid? ClaimedSnapshotId, string Digest, IReadOnlyList<Rejection> Reasons);
