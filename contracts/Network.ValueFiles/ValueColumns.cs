using Network.Contracts.Snapshots;

namespace Network.ValueFiles;

/// <summary>
/// The columns of a value file (CSV or XLSX), as documented in <c>nodes/README.md</c>. Header names are matched
/// case-insensitively and the order of the columns is free.
/// </summary>
public static class ValueColumns
{
#pragma warning disable CS1591 // each name is the column it names; a value's columns are the payload's own field names
    public const string Kpi = SnapshotJson.Fields.Kpi;
    public const string DataPoint = SnapshotJson.Fields.DataPoint;
    public const string Value = SnapshotJson.Fields.Value;
    public const string Unit = SnapshotJson.Fields.Unit;
    public const string Quality = SnapshotJson.Fields.Quality;
    public const string Origin = SnapshotJson.Fields.Origin;
    public const string Source = SnapshotJson.Fields.Source;
    public const string Note = SnapshotJson.Fields.Note;
    public const string Name = "name";
    public const string UnitDescription = "unitDescription";
    public const string Definition = "definition";
    public const string DataPoints = "dataPoints";
#pragma warning restore CS1591

    /// <summary>The columns every value file must have.</summary>
    public static IReadOnlyList<string> Required { get; } = [Kpi, Value, Unit, Quality, Origin, Source];

    /// <summary>The columns a file may leave out.</summary>
    public static IReadOnlyList<string> Optional { get; } = [DataPoint, Note];

    /// <summary>Columns for the analyst's eyes (the template writes some of them); their content is ignored.</summary>
    public static IReadOnlyList<string> Informational { get; } = [Name, UnitDescription, Definition, DataPoints];

    /// <summary>The columns that make a value, in the order errors are listed within a line.</summary>
    public static IReadOnlyList<string> Data { get; } = [Kpi, DataPoint, Value, Unit, Quality, Origin, Source, Note];

    /// <summary>The canonical spelling of <paramref name="header"/> (trimmed, any case), or <see langword="null"/> if it is no column of the format.</summary>
    public static string? Canonical(string header)
    {
        var trimmed = header.Trim();
        return Data.Concat(Informational).FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
