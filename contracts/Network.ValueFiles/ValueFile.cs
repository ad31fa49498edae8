using Network.Contracts.Snapshots;
using ImportResult = Network.Contracts.Results.Result<System.Collections.Generic.IReadOnlyList<Network.Contracts.Snapshots.KpiValue>, Network.ValueFiles.ImportError>;

namespace Network.ValueFiles;

/// <summary>
/// Reads a value file (CSV or XLSX, the format of <c>nodes/README.md</c>) into KPI values, checking every row
/// against the KPI catalogue as the hub will. Never throws for a bad file: the answer is the contracts' one result
/// type, <c>Result&lt;IReadOnlyList&lt;KpiValue&gt;, ImportError&gt;</c> (named <c>ImportResult</c> by an alias here): the values
/// in file order, or every problem as an <see cref="ImportError"/> with its line, and then no value at all.
/// </summary>
public static class ValueFile
{
    /// <summary>The name of the sheet read when a workbook has several; the XLSX template names its sheet so.</summary>
    public const string ValuesSheetName = "Values";

    /// <summary>Reads the file at <paramref name="path"/>: XLSX by its <c>.xlsx</c> extension, otherwise CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="period">The reporting year the values are for.</param>
    /// <param name="status">The status of the snapshot they will make (preliminary or final).</param>
    /// <param name="cityId">The city, e.g. <c>NO-5001</c>.</param>
    /// <param name="time">The clock the period is checked against; the system clock by default.</param>
    public static ImportResult Read(string path, int period, SnapshotStatus status, string cityId, TimeProvider? time = null) =>
        Read(path, new ImportTarget(cityId, period, status), time);

    /// <summary>Reads a CSV value file from <paramref name="csv"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <param name="csv">The file's bytes: UTF-8 (with or without BOM), or UTF-16 with a BOM.</param>
    /// <param name="sourceName">What to call the file in messages, e.g. its name.</param>
    /// <param name="period">The reporting year the values are for.</param>
    /// <param name="status">The status of the snapshot they will make.</param>
    /// <param name="cityId">The city, e.g. <c>NO-5001</c>.</param>
    /// <param name="time">The clock the period is checked against; the system clock by default.</param>
    public static ImportResult ReadCsv(Stream csv, string sourceName, int period, SnapshotStatus status, string cityId, TimeProvider? time = null) =>
        ReadCsv(csv, sourceName, new ImportTarget(cityId, period, status), time);

    /// <summary>Reads an XLSX value file from <paramref name="xlsx"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <param name="xlsx">The workbook.</param>
    /// <param name="sourceName">What to call the file in messages, e.g. its name.</param>
    /// <param name="period">The reporting year the values are for.</param>
    /// <param name="status">The status of the snapshot they will make.</param>
    /// <param name="cityId">The city, e.g. <c>NO-5001</c>.</param>
    /// <param name="time">The clock the period is checked against; the system clock by default.</param>
    public static ImportResult ReadXlsx(Stream xlsx, string sourceName, int period, SnapshotStatus status, string cityId, TimeProvider? time = null) =>
        ReadXlsx(xlsx, sourceName, new ImportTarget(cityId, period, status), time);

    /// <summary>Reads the file at <paramref name="path"/> for <paramref name="target"/> (which may be a correction), reporting progress.</summary>
    public static ImportResult Read(string path, ImportTarget target, TimeProvider? time = null, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return ValueSheet.Failed($"The file {path} does not exist.");
        }

        if (string.Equals(Path.GetExtension(path), ".xls", StringComparison.OrdinalIgnoreCase))
        {
            return ValueSheet.Failed($"{name} is in the old Excel 97-2003 format. Save it in Excel as 'Excel Workbook (*.xlsx)' or 'CSV UTF-8', and import that.");
        }

        using var stream = File.OpenRead(path);
        return IsXlsx(path)
            ? ReadXlsx(stream, name, target, time, progress)
            : ReadCsv(stream, name, target, time, progress);
    }

    /// <summary>Reads a CSV value file for <paramref name="target"/>, reporting progress.</summary>
    public static ImportResult ReadCsv(Stream csv, string sourceName, ImportTarget target, TimeProvider? time = null, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(target);
        return ValueSheet.Interpret(CsvSheet.Read(csv, sourceName), sourceName, target, time ?? TimeProvider.System, progress);
    }

    /// <summary>Reads an XLSX value file for <paramref name="target"/>, reporting progress.</summary>
    public static ImportResult ReadXlsx(Stream xlsx, string sourceName, ImportTarget target, TimeProvider? time = null, IProgress<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(target);
        return ValueSheet.Interpret(XlsxSheet.Read(xlsx, sourceName), sourceName, target, time ?? TimeProvider.System, progress);
    }

    /// <summary>Whether <paramref name="path"/> names an XLSX workbook (by its extension).</summary>
    public static bool IsXlsx(string path) => string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase);
}
