using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Network.Hub.Storage;

/// <summary>
/// Tells a database that cannot serve (a file that is read-only, damaged, missing or locked; a disk that is full; a
/// SQL Server that cannot be reached or is read-only) from every other exception. Such a failure is the operator's to
/// fix, not the caller's mistake nor a bug: requests that meet it answer 503 (<see cref="Problems.ExceptionProblems"/>), start-up
/// stops with one sentence (<see cref="StorageStartup"/>) and readiness reports it.
/// </summary>
public static class StorageFailure
{
    // SQLite result codes (https://www.sqlite.org/rescode.html) that say the file, not the statement, is the problem.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCorrupt = 11;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    // SQL Server errors that say the server or database is unavailable rather than the statement wrong: cannot open the
    // database, login failed, database read-only or offline, file group or log full, timeout, network errors. Errors of
    // class 20 and above break the connection and are counted too.
    private static readonly HashSet<int> SqlServerUnavailable =
        [4060, 18456, 3906, 1105, 9002, 942, 945, 40613, 40197, 40501, -2, 2, 53, 40, 64, 121, 233, 10053, 10054, 10060, 10061, 11001];

    /// <summary>Why the database cannot serve, as a short phrase; null when <paramref name="exception"/> is not a storage failure.</summary>
    public static string? Describe(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when Phrase(sqlite.SqliteErrorCode) is { } phrase:
                    return phrase;
                case SqlException sql when SqlServerUnavailable.Contains(sql.Number) || sql.Class >= 20:
                    return $"SQL Server error {sql.Number}: {sql.Message}";
                case RetryLimitExceededException:
                    return "SQL Server failed on every retry";
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="exception"/> means the database cannot serve.</summary>
    public static bool Is(Exception exception) => Describe(exception) is not null;

    /// <summary>The phrase for a SQLite result code that means the file cannot serve; null for any other.</summary>
    internal static string? Phrase(int sqliteErrorCode) => sqliteErrorCode switch
    {
        SqliteBusy or SqliteLocked => "the database file is locked by another process",
        SqliteReadOnly => "the database file is read-only for the hub",
        SqliteIoError => "the database file cannot be read or written (I/O error)",
        SqliteCorrupt or SqliteNotADatabase => "the database file is damaged or not a SQLite database",
        SqliteFull => "the disk holding the database is full",
        SqliteCantOpen => "the database file cannot be opened",
        _ => null,
    };
}
