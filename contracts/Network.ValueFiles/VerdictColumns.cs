using Network.Contracts.Attestations;

namespace Network.ValueFiles;

/// <summary>
/// The layout of a verdict sheet (CSV or XLSX): a block of facts naming the judged snapshot (one fact a row, its
/// name in the first cell and its value in the second), an empty row, then a table with one row per value. The
/// table's header names are matched case-insensitively and the order of its columns is free.
/// </summary>
public static class VerdictColumns
{
#pragma warning disable CS1591 // each name is the column or fact it names; they are the attestation payload's own field names
    public const string SnapshotId = AttestationJson.Members.SnapshotId;
    public const string SnapshotDigest = AttestationJson.Members.SnapshotDigest;
    public const string CityId = AttestationJson.Members.CityId;
    public const string Period = AttestationJson.Members.Period;

    public const string Kpi = ValueColumns.Kpi;
    public const string Name = ValueColumns.Name;
    public const string DataPoint = ValueColumns.DataPoint;
    public const string Value = ValueColumns.Value;
    public const string Unit = ValueColumns.Unit;
    public const string Quality = ValueColumns.Quality;
    public const string Origin = ValueColumns.Origin;
    public const string Source = ValueColumns.Source;
    public const string Note = ValueColumns.Note;
    public const string Verdict = AttestationJson.Members.Verdict;
    public const string Reason = AttestationJson.Members.Reason;
    public const string Question = "question";
#pragma warning restore CS1591

    /// <summary>The facts above the table, in the order they are written.</summary>
    public static IReadOnlyList<string> Facts { get; } = [SnapshotId, SnapshotDigest, CityId, Period];

    /// <summary>The table's columns, in the order they are written: the city's value first, the verifier's cells last.</summary>
    public static IReadOnlyList<string> All { get; } = [Kpi, Name, DataPoint, Value, Unit, Quality, Origin, Source, Note, Verdict, Reason, Question];

    /// <summary>The columns a filled sheet must keep: they name the value and say what the verifier decided.</summary>
    public static IReadOnlyList<string> Required { get; } = [Kpi, Value, Unit, Verdict];

    /// <summary>The verifier's columns, the only ones read for what they say.</summary>
    public static IReadOnlyList<string> Verifier { get; } = [Verdict, Reason, Question];

    /// <summary>The canonical spelling of <paramref name="header"/> (trimmed, any case), or <see langword="null"/> if it is no column of the table.</summary>
    public static string? Canonical(string header)
    {
        var trimmed = header.Trim();
        return All.FirstOrDefault(c => string.Equals(c, trimmed, StringComparison.OrdinalIgnoreCase));
    }
}
