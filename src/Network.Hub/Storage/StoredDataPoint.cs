using System.Linq.Expressions;

namespace Network.Hub.Storage;

/// <summary>
/// The one place the value table's data point column is converted. The contracts and the engine say "no data point"
/// with <see langword="null"/> (a KPI reported as one number); the column stores the empty string instead, so that
/// (snapshot, KPI, data point) can be a unique key on every provider (SQL Server lets a unique index hold one NULL).
/// </summary>
public static class StoredDataPoint
{
    /// <summary>What the column holds for a KPI reported as one number.</summary>
    public const string None = "";

    /// <summary>
    /// <see cref="Read"/> as an expression, for database projections that must stay translatable to SQL (OData's
    /// <c>$filter=DataPoint eq null</c> runs in the database as <c>CASE WHEN DataPoint = '' THEN NULL ...</c>).
    /// </summary>
    public static Expression<Func<string, string?>> ReadInDatabase { get; } = column => column == None ? null : column;

    /// <summary>The column's value for <paramref name="dataPoint"/> (<see langword="null"/>: <see cref="None"/>).</summary>
    public static string Write(string? dataPoint) => dataPoint ?? None;

    /// <summary>The data point the column holds; <see langword="null"/> for <see cref="None"/>.</summary>
    public static string? Read(string column) => column == None ? null : column;
}
