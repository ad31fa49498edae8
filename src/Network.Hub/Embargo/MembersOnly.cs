using Network.Hub.Storage;

namespace Network.Hub.Embargo;

/// <summary>
/// The stored columns only members of the network may read, and the one place that reads them for a reader: a value's
/// note (<see cref="KpiValueRecord.Note"/>), a format-2 snapshot's disclosures (<see cref="SnapshotRecord.Disclosures"/>,
/// which hold its notes) and a snapshot's JWS (<see cref="SnapshotRecord.Jws"/>, which carries every note of a format-1
/// snapshot, and is public when it carries none). Every read door takes them through these methods, in memory or inside a query: EF Core queries are expanded
/// by <see cref="MembersOnlyExpansion"/> into <c>CASE WHEN @seesNetworkData THEN column END</c>, so filters and ordering
/// on them still run in the database. No other hub code reads the two columns (a test, <c>MembersOnlyTests</c>, reads
/// the hub's compiled code and fails when it does), so a new read door cannot forget the rule.
/// </summary>
/// <remarks>The rows themselves (which snapshots and values a reader sees at all) are the embargo's query filters, on
/// the model (<see cref="NetworkDbContext.Readership"/>).</remarks>
public static class MembersOnly
{
    /// <summary>The value's note as this reader may see it: the city's note for a member, <see langword="null"/> for anyone else.</summary>
    /// <param name="value">The stored value.</param>
    /// <param name="seesNetworkData">The reader's <see cref="NetworkDbContext.SeesNetworkData"/>.</param>
    public static string? Note(KpiValueRecord value, bool seesNetworkData)
    {
        ArgumentNullException.ThrowIfNull(value);
        return seesNetworkData ? value.Note : null;
    }

    /// <summary>
    /// The snapshot's JWS as this reader may see it: for a member always; for anyone else when it holds no note in the
    /// clear (<see cref="SnapshotRecord.JwsPublic"/>: a format-2 snapshot, or a format-1 snapshot without notes), else
    /// <see langword="null"/> (a format-1 JWS with notes carries them; a public reader gets the digest).
    /// </summary>
    /// <param name="snapshot">The stored snapshot.</param>
    /// <param name="seesNetworkData">The reader's <see cref="NetworkDbContext.SeesNetworkData"/>.</param>
    public static string? Jws(SnapshotRecord snapshot, bool seesNetworkData)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return seesNetworkData || snapshot.JwsPublic ? snapshot.Jws : null;
    }

    /// <summary>
    /// The disclosures of a format-2 snapshot's notes as this reader may see them: for a member, <see langword="null"/>
    /// for anyone else (each one holds a note's text).
    /// </summary>
    /// <param name="snapshot">The stored snapshot.</param>
    /// <param name="seesNetworkData">The reader's <see cref="NetworkDbContext.SeesNetworkData"/>.</param>
    public static string? Disclosures(SnapshotRecord snapshot, bool seesNetworkData)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return seesNetworkData ? snapshot.Disclosures : null;
    }
}
