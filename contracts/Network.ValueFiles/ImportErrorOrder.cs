namespace Network.ValueFiles;

/// <summary>
/// The order a sheet's errors are reported in, for value files and verdict sheets alike: by line, then by the column's
/// place in the sheet (errors about a whole row first, unknown columns last), then as found.
/// </summary>
internal static class ImportErrorOrder
{
    /// <summary><paramref name="errors"/> in reading order for a sheet whose columns are <paramref name="columns"/>.</summary>
    public static List<ImportError> Sorted(List<ImportError> errors, IReadOnlyList<string> columns) =>
        errors
            .Select((e, i) => (Error: e, Order: i))
            .OrderBy(x => x.Error.Line)
            .ThenBy(x => x.Error.Column is null ? -1 : IndexOf(columns, x.Error.Column))
            .ThenBy(x => x.Order)
            .Select(x => x.Error)
            .ToList();

    private static int IndexOf(IReadOnlyList<string> columns, string column)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == column)
            {
                return i;
            }
        }

        return columns.Count;
    }
}
