using Microsoft.Data.Sqlite;
using Network.Contracts.Snapshots;

namespace Network.Node.Workspace.Storage;

/// <summary>
/// The node's SQLite database (<c>node.db</c>): drafts and signed snapshots, the outbox, and the hub's answers.
/// Plain SQL through Microsoft.Data.Sqlite: four tables whose transactions are the point (the outbox is written
/// in the same transaction that marks a draft published), so the SQL is written where it is read.
/// Every connection runs with <c>synchronous=FULL</c>: when a commit returns, it is on disk.
/// </summary>
public sealed class NodeDatabase(string path)
{
    // 2: values_json holds the values as the signed payload carries them (SnapshotJson.SerializeValues).
    private const int SchemaVersion = 2;

    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        ForeignKeys = true,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>The database file.</summary>
    public string Path { get; } = path;

    /// <summary>Opens a connection (creating the file and schema if needed).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken ct = default)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = FULL;";
        await pragma.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>Creates the tables if the database is new; safe to call every time the node starts.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct);
        await using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        var current = Convert.ToInt32(await version.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        if (current == SchemaVersion)
        {
            return;
        }

        if (current > SchemaVersion)
        {
            throw new InvalidOperationException($"{Path} was written by a newer node (schema {current}); update the node.");
        }

        await using var create = connection.CreateCommand();
        create.CommandText = $"""
            PRAGMA journal_mode = WAL;
            BEGIN IMMEDIATE;
            -- One row per imported draft; signing gives it a snapshot id and an outbox entry.
            CREATE TABLE IF NOT EXISTS snapshots (
                number        INTEGER PRIMARY KEY AUTOINCREMENT,
                snapshot_id   TEXT UNIQUE,
                period        INTEGER NOT NULL,
                status        TEXT NOT NULL,
                supersedes    TEXT,
                state         TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'delivered', 'accepted', 'rejected')),
                source_file   TEXT NOT NULL,
                imported_at   TEXT NOT NULL,
                value_count   INTEGER NOT NULL,
                values_json   TEXT NOT NULL, -- the payload's values array, as it will be signed
                key_id        TEXT,
                issued_at     TEXT,
                published_at  TEXT,
                answered_at   TEXT,
                received_at   TEXT
            );
            -- The outbox: a signed snapshot waits here until the broker confirmed it (or the hub answered over HTTP).
            CREATE TABLE IF NOT EXISTS outbox (
                snapshot_id     TEXT PRIMARY KEY REFERENCES snapshots (snapshot_id),
                jws             TEXT NOT NULL,
                digest          TEXT NOT NULL,
                enqueued_at     TEXT NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at TEXT NOT NULL,
                last_attempt_at TEXT,
                last_error      TEXT,
                delivered_at    TEXT
            );
            CREATE INDEX IF NOT EXISTS outbox_digest ON outbox (digest);
            -- Every reason of the hub's refusal, in the hub's order.
            CREATE TABLE IF NOT EXISTS rejection_reasons (
                snapshot_id TEXT NOT NULL REFERENCES snapshots (snapshot_id),
                position    INTEGER NOT NULL,
                reason      TEXT NOT NULL,
                code        INTEGER NOT NULL,
                field       TEXT NOT NULL,
                message     TEXT NOT NULL,
                PRIMARY KEY (snapshot_id, position)
            );
            -- Version 1 wrote values_json with the .NET names of the quality classes ("quality":"SurveyExtrapolated"),
            -- otherwise as the payload does; the payload's names ("survey-extrapolated") replace them.
            {(current == 1 ? $"UPDATE snapshots SET values_json = {QualityNamesOfVersion1("values_json")};" : "")}
            PRAGMA user_version = {SchemaVersion};
            COMMIT;
            """;
        await create.ExecuteNonQueryAsync(ct);
    }

    // replace(replace(column, '"quality":"Measured"', '"quality":"measured"'), ...): the writer of version 1 wrote no
    // whitespace and escaped quotes inside strings, so the sequence only ever stands for the quality property.
    private static string QualityNamesOfVersion1(string column) =>
        Enum.GetValues<DataQuality>().Aggregate(column, (sql, quality) =>
            $"replace({sql}, '\"quality\":\"{quality}\"', '\"quality\":\"{WireNames.Of(quality)}\"')");
}
