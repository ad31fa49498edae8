using System.Text;
using Microsoft.Data.Sqlite;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Node.Workspace.Delivery;

namespace Network.Node.Workspace.Storage;

/// <summary>
/// The node's snapshots in its database: drafts, publishing (signed snapshot into the outbox, in one transaction),
/// delivery attempts, and the hub's answers. Safe to use from several processes at once (the CLI while the worker
/// runs): SQLite serialises the writers, and every state change is one transaction.
/// </summary>
public sealed class SnapshotStore(NodeDatabase database)
{
    private const string SelectSnapshot = """
        SELECT s.number, s.snapshot_id, s.period, s.status, s.supersedes, s.state, s.source_file, s.imported_at, s.value_count,
               s.key_id, s.issued_at, o.digest, COALESCE(o.attempts, 0), o.last_error, o.next_attempt_at, o.delivered_at,
               s.answered_at, s.received_at
        FROM snapshots s LEFT JOIN outbox o ON o.snapshot_id = s.snapshot_id
        """;

    /// <summary>
    /// Stores imported values as a draft, replacing an unpublished draft for the same period, status (and, for a
    /// correction, superseded snapshot). Returns the new draft and the one it replaced, if any.
    /// </summary>
    public async Task<(StoredSnapshot Draft, StoredSnapshot? Replaced)> SaveDraftAsync(
        int period, SnapshotStatus status, Guid? supersedes, string sourceFile, IReadOnlyList<KpiValue> values, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var replaced = (await QueryAsync(connection, transaction,
            "WHERE s.state = 'draft' AND s.period = $period AND s.status = $status AND s.supersedes IS $supersedes",
            p => p.With("$period", period).With("$status", WireNames.Of(status)).With("$supersedes", Text(supersedes)), ct))
            .FirstOrDefault();
        if (replaced is not null)
        {
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM snapshots WHERE number = $number", p => p.With("$number", replaced.Number), ct);
        }

        var number = await Sql.ScalarAsync<long>(connection, transaction, """
            INSERT INTO snapshots (period, status, supersedes, state, source_file, imported_at, value_count, values_json)
            VALUES ($period, $status, $supersedes, 'draft', $source, $now, $count, $values)
            RETURNING number
            """,
            p => p.With("$period", period).With("$status", WireNames.Of(status)).With("$supersedes", Text(supersedes))
                .With("$source", sourceFile).With("$now", Instant.Write(now)).With("$count", values.Count)
                .With("$values", Encoding.UTF8.GetString(SnapshotJson.SerializeValues(values))), ct);
        await transaction.CommitAsync(ct);
        var draft = (await ListAsync(number: number, ct: ct))[0];
        return (draft, replaced);
    }

    /// <summary>The values of a stored snapshot (or draft), as imported; kept as the signed payload carries them.</summary>
    public async Task<IReadOnlyList<KpiValue>> ValuesAsync(long number, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var json = await Sql.ScalarAsync<string>(connection, null, "SELECT values_json FROM snapshots WHERE number = $number",
            p => p.With("$number", number), ct);
        return SnapshotJson.DeserializeValues(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>
    /// Marks a draft published and puts its signed JWS in the outbox, in one transaction: either both happen or
    /// neither. Returns <see langword="false"/> when the draft is no longer a draft (published or replaced meanwhile).
    /// </summary>
    public async Task<bool> PublishAsync(long number, Snapshot snapshot, string keyId, string jws, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var updated = await Sql.ExecuteAsync(connection, transaction, """
            UPDATE snapshots SET snapshot_id = $id, state = 'pending', key_id = $kid, issued_at = $issued, published_at = $now
            WHERE number = $number AND state = 'draft'
            """,
            p => p.With("$id", Text(snapshot.SnapshotId)).With("$kid", keyId).With("$issued", Instant.Write(snapshot.IssuedAt))
                .With("$now", Instant.Write(now)).With("$number", number), ct);
        if (updated != 1)
        {
            return false;
        }

        await Sql.ExecuteAsync(connection, transaction, """
            INSERT INTO outbox (snapshot_id, jws, digest, enqueued_at, attempts, next_attempt_at)
            VALUES ($id, $jws, $digest, $now, 0, $now)
            """,
            p => p.With("$id", Text(snapshot.SnapshotId)).With("$jws", jws).With("$digest", SnapshotFormat.Digest(jws))
                .With("$now", Instant.Write(now)), ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// The outbox entries to deliver now: pending ones whose next attempt is due (every pending one when
    /// <paramref name="ignoreSchedule"/>), and delivered ones that got no answer within <paramref name="answerTimeout"/>.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEntry>> DueAsync(DateTimeOffset now, TimeSpan answerTimeout, bool ignoreSchedule = false, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.snapshot_id, s.period, s.status, o.jws, o.digest, o.attempts, s.state = 'delivered'
            FROM outbox o JOIN snapshots s ON s.snapshot_id = o.snapshot_id
            WHERE (s.state = 'pending' AND ($all OR o.next_attempt_at <= $now))
               OR (s.state = 'delivered' AND o.delivered_at <= $stale)
            ORDER BY CASE s.state WHEN 'pending' THEN o.next_attempt_at ELSE o.delivered_at END, s.number
            """;
        command.Parameters.With("$all", ignoreSchedule);
        command.Parameters.With("$now", Instant.Write(now));
        command.Parameters.With("$stale", Instant.Write(now - answerTimeout));
        var entries = new List<OutboxEntry>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            entries.Add(new OutboxEntry(Guid.Parse(reader.GetString(0)), reader.GetInt32(1), ParseStatus(reader.GetString(2)),
                reader.GetString(3), reader.GetString(4), reader.GetInt32(5), reader.GetBoolean(6)));
        }

        return entries;
    }

    /// <summary>When the next pending entry is due, or <see langword="null"/> when nothing waits.</summary>
    public async Task<DateTimeOffset?> NextAttemptAsync(CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var next = await Sql.ScalarAsync<string?>(connection, null, """
            SELECT MIN(o.next_attempt_at) FROM outbox o JOIN snapshots s ON s.snapshot_id = o.snapshot_id WHERE s.state = 'pending'
            """, _ => { }, ct);
        return next is null ? null : Instant.Read(next);
    }

    /// <summary>
    /// Records that the broker confirmed <paramref name="snapshotId"/> (or the hub answered it over HTTP). A snapshot
    /// whose answer already arrived keeps its answer.
    /// </summary>
    public async Task MarkDeliveredAsync(Guid snapshotId, DateTimeOffset now, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await Sql.ExecuteAsync(connection, transaction, """
            UPDATE outbox SET attempts = attempts + 1, last_attempt_at = $now, delivered_at = $now, last_error = NULL WHERE snapshot_id = $id;
            UPDATE snapshots SET state = 'delivered' WHERE snapshot_id = $id AND state = 'pending';
            """,
            p => p.With("$id", Text(snapshotId)).With("$now", Instant.Write(now)), ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Records a failed delivery attempt and when to try again.</summary>
    public async Task MarkAttemptFailedAsync(Guid snapshotId, string error, DateTimeOffset now, DateTimeOffset nextAttempt, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await Sql.ExecuteAsync(connection, null, """
            UPDATE outbox SET attempts = attempts + 1, last_attempt_at = $now, last_error = $error, next_attempt_at = $next WHERE snapshot_id = $id
            """,
            p => p.With("$id", Text(snapshotId)).With("$now", Instant.Write(now)).With("$error", error)
                .With("$next", Instant.Write(nextAttempt)), ct);
    }

    /// <summary>
    /// Records the hub's answer on the snapshot it concerns, found by snapshot id or, for a refusal without one, by
    /// digest. An accepted snapshot stays accepted (a late refusal of a repeat delivery does not undo it). Returns
    /// the snapshot as it now stands, or <see langword="null"/> when the answer is for no snapshot of this node.
    /// </summary>
    public async Task<StoredSnapshot?> ApplyAnswerAsync(HubAnswer answer, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var id = await Sql.ScalarAsync<string?>(connection, transaction, """
            SELECT snapshot_id FROM snapshots WHERE snapshot_id = $id
            UNION ALL SELECT snapshot_id FROM outbox WHERE digest = $digest
            LIMIT 1
            """,
            p => p.With("$id", answer.SnapshotId is { } known ? Text(known) : "").With("$digest", answer.Digest), ct);
        if (id is null)
        {
            return null;
        }

        Action<SqliteParameterCollection> parameters = p => p.With("$id", id).With("$now", Instant.Write(now)).With("$at", Instant.Write(answer.At));
        // The answer proves delivery, whatever the outbox recorded (the confirm and the answer can race).
        await Sql.ExecuteAsync(connection, transaction, "UPDATE outbox SET delivered_at = COALESCE(delivered_at, $now) WHERE snapshot_id = $id", parameters, ct);
        if (answer.Accepted)
        {
            await Sql.ExecuteAsync(connection, transaction, """
                DELETE FROM rejection_reasons WHERE snapshot_id = $id;
                UPDATE snapshots SET state = 'accepted', answered_at = $now, received_at = $at WHERE snapshot_id = $id;
                """, parameters, ct);
        }
        else if (await Sql.ExecuteAsync(connection, transaction,
                     "UPDATE snapshots SET state = 'rejected', answered_at = $now WHERE snapshot_id = $id AND state <> 'accepted'", parameters, ct) == 1)
        {
            await Sql.ExecuteAsync(connection, transaction, "DELETE FROM rejection_reasons WHERE snapshot_id = $id", parameters, ct);
            for (var i = 0; i < answer.Reasons.Count; i++)
            {
                var reason = answer.Reasons[i];
                await Sql.ExecuteAsync(connection, transaction, """
                    INSERT INTO rejection_reasons (snapshot_id, position, reason, code, field, message) VALUES ($id, $position, $reason, $code, $field, $message)
                    """,
                    p => { parameters(p); p.With("$position", i).With("$reason", reason.Reason.ToString())
                        .With("$code", (int)reason.Reason).With("$field", reason.Field).With("$message", reason.Message); }, ct);
            }
        }

        await transaction.CommitAsync(ct);
        return (await ListAsync(snapshotId: Guid.Parse(id), ct: ct))[0];
    }

    /// <summary>The node's snapshots (drafts included), oldest first; optionally of one period, one number or one id.</summary>
    public async Task<IReadOnlyList<StoredSnapshot>> ListAsync(int? period = null, long? number = null, Guid? snapshotId = null, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var snapshots = await QueryAsync(connection, null,
            "WHERE ($period IS NULL OR s.period = $period) AND ($number IS NULL OR s.number = $number) AND ($id IS NULL OR s.snapshot_id = $id)",
            p => p.With("$period", (object?)period ?? DBNull.Value).With("$number", (object?)number ?? DBNull.Value)
                .With("$id", Text(snapshotId)), ct);
        return snapshots;
    }

    /// <summary>The snapshot with this id, or <see langword="null"/>.</summary>
    public async Task<StoredSnapshot?> FindAsync(Guid snapshotId, CancellationToken ct = default) =>
        (await ListAsync(snapshotId: snapshotId, ct: ct)) is [var found, ..] ? found : null;

    private static async Task<List<StoredSnapshot>> QueryAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string where, Action<SqliteParameterCollection> parameters, CancellationToken ct)
    {
        var rows = new List<StoredSnapshot>();
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = $"{SelectSnapshot} {where} ORDER BY s.number";
            parameters(command.Parameters);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(new StoredSnapshot(
                    Number: reader.GetInt64(0),
                    SnapshotId: reader.IsDBNull(1) ? null : Guid.Parse(reader.GetString(1)),
                    Period: reader.GetInt32(2),
                    Status: ParseStatus(reader.GetString(3)),
                    Supersedes: reader.IsDBNull(4) ? null : Guid.Parse(reader.GetString(4)),
                    State: Enum.Parse<SnapshotState>(reader.GetString(5), ignoreCase: true),
                    SourceFile: reader.GetString(6),
                    ImportedAt: Instant.Read(reader.GetString(7)),
                    ValueCount: reader.GetInt32(8),
                    KeyId: reader.IsDBNull(9) ? null : reader.GetString(9),
                    IssuedAt: At(reader, 10),
                    Digest: reader.IsDBNull(11) ? null : reader.GetString(11),
                    Attempts: reader.GetInt32(12),
                    LastError: reader.IsDBNull(13) ? null : reader.GetString(13),
                    NextAttemptAt: At(reader, 14),
                    DeliveredAt: At(reader, 15),
                    AnsweredAt: At(reader, 16),
                    ReceivedAt: At(reader, 17),
                    Reasons: []));
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].State == SnapshotState.Rejected)
            {
                rows[i] = rows[i] with { Reasons = await ReasonsAsync(connection, transaction, rows[i].SnapshotId!.Value, ct) };
            }
        }

        return rows;
    }

    private static async Task<IReadOnlyList<Rejection>> ReasonsAsync(SqliteConnection connection, SqliteTransaction? transaction, Guid snapshotId, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT code, reason, field, message FROM rejection_reasons WHERE snapshot_id = $id ORDER BY position";
        command.Parameters.With("$id", Text(snapshotId));
        var reasons = new List<Rejection>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // The number is the contract; a reason this node's contracts do not know yet keeps its number.
            reasons.Add(new Rejection((RejectionReason)reader.GetInt32(0), reader.GetString(2), reader.GetString(3)));
        }

        return reasons;
    }

    private static DateTimeOffset? At(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : Instant.Read(reader.GetString(column));

    private static object Text(Guid? id) => id is { } value ? value.ToString("D") : DBNull.Value;

    private static SnapshotStatus ParseStatus(string text) =>
        WireNames.TryParseStatus(text, out var status) ? status : throw new InvalidDataException($"Unknown status '{text}' in the node's database.");
}
