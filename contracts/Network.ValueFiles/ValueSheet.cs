using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using ImportResult = Network.Contracts.Results.Result<System.Collections.Generic.IReadOnlyList<Network.Contracts.Snapshots.KpiValue>, Network.ValueFiles.ImportError>;

namespace Network.ValueFiles;

/// <summary>
/// Turns the rows of a value file into KPI values: maps the header, reads each row's cells into a
/// <see cref="KpiValue"/> and checks it at once with the contracts' <see cref="SnapshotRules"/> (the rules the hub
/// applies), so each refusal is reported at the line and column of its row; then the rules on the snapshot as a whole
/// (city, period, number of values). Every row is checked; one bad row means nothing imports.
/// </summary>
internal static class ValueSheet
{
    private const int ProgressEvery = 100;

    /// <summary>A file that cannot be read at all, for one reason (line 0: the file as a whole).</summary>
    public static ImportResult Failed(string message) => ImportResult.Refused(new ImportError(0, null, message));

    public static ImportResult Interpret(SheetContent sheet, string sourceName, ImportTarget target, TimeProvider time, IProgress<ImportProgress>? progress)
    {
        if (sheet.Unreadable is { } unreadable)
        {
            return ImportResult.Refused(unreadable);
        }

        var rows = sheet.Rows.Where(r => !r.IsBlank || r.Problem is not null).ToList();
        if (rows.Count == 0)
        {
            return Failed($"{sourceName} is empty. Start from the template (`template`), which has the header row and a row for every KPI.");
        }

        var errors = new List<ImportError>();
        var header = rows[0];
        var columns = MapHeader(header, errors);
        if (errors.Count > 0)
        {
            return ImportResult.Refused(ImportErrorOrder.Sorted(errors, ValueColumns.Data));
        }

        var rules = new SnapshotRules(KpiCatalogue.Default, time);
        var valueRules = rules.ForValues();
        var values = new List<KpiValue>();
        var skipped = 0;
        for (var r = 1; r < rows.Count; r++)
        {
            var row = rows[r];
            if (r % ProgressEvery == 0)
            {
                progress?.Report(new ImportProgress(r, rows.Count - 1));
            }

            if (row.Problem is { } problem)
            {
                errors.Add(new ImportError(row.Line, null, problem));
            }

            if (row.Cells.Skip(header.Cells.Count).Any(c => !c.IsBlank))
            {
                errors.Add(new ImportError(row.Line, null,
                    $"This line has {row.Cells.Count} cells but the header has {header.Cells.Count}. A cell with the separator in it must be in quotes, e.g. \"1,5\", and no cell may stand right of the last column."));
            }

            var cell = (string column) => columns.TryGetValue(column, out var i) ? row[i] : SheetCell.Empty;
            if (cell(ValueColumns.Value).IsBlank)
            {
                skipped++;
                continue;
            }

            if (ReadValue(row.Line, cell, errors) is { } value)
            {
                values.Add(value);
                errors.AddRange(valueRules.Check(value, $"line {row.Line}").Select(r => new ImportError(row.Line, r.Field, r.Message)));
            }
        }

        progress?.Report(new ImportProgress(rows.Count - 1, rows.Count - 1));
        if (values.Count == 0 && errors.Count == 0)
        {
            return Failed(
                $"{sourceName} has no values: the value cell of every row is empty ({skipped} row{(skipped == 1 ? "" : "s")}). Fill in the values you have; rows left empty are skipped.");
        }

        // The snapshot the values will make is signed now, against the current catalogue: its time and version pass.
        foreach (var rejection in rules.CheckSubject(target.CityId, target.Period, target.Status, target.Supersedes).Concat(SnapshotRules.CheckCount(values.Count)))
        {
            errors.Add(OfFile(rejection));
        }

        return errors.Count == 0 ? ImportResult.Of(values) : ImportResult.Refused(ImportErrorOrder.Sorted(errors, ValueColumns.Data));
    }

    private static Dictionary<string, int> MapHeader(SheetRow header, List<ImportError> errors)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var name = header.Cells[i].Text.Trim();
            if (name.Length == 0)
            {
                continue;
            }

            if (ValueColumns.Canonical(name) is not { } canonical)
            {
                errors.Add(new ImportError(header.Line, name,
                    $"'{name}' is not a column of the value file format. The columns are {string.Join(", ", ValueColumns.Data)} " +
                    $"(and {string.Join(", ", ValueColumns.Informational)}, which are ignored); rename or remove it."));
            }
            else if (!columns.TryAdd(canonical, i))
            {
                errors.Add(new ImportError(header.Line, canonical, $"The column '{canonical}' appears twice in the header; keep one."));
            }
        }

        foreach (var required in ValueColumns.Required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(header.Line, required,
                $"The header has no '{required}' column, which every value file needs. The header row must name at least: {string.Join(", ", ValueColumns.Required)}."));
        }

        if (columns.Count == 0)
        {
            // Not one known name: this is no header with a typo, but no header at all.
            errors.Clear();
            errors.Add(new ImportError(header.Line, null,
                $"The first line is not a header row. It must name the columns, e.g.: {string.Join(",", ValueColumns.Data)}."));
        }

        return columns;
    }

    // Reads one row's cells into a value. Cells that cannot be read are reported and replaced by a harmless
    // stand-in (0, unknown quality), so the catalogue's rules still check the rest of the row; since any error
    // means nothing is imported, a stand-in never leaves this method's caller.
    private static KpiValue? ReadValue(int line, Func<string, SheetCell> cell, List<ImportError> errors)
    {
        var kpi = cell(ValueColumns.Kpi).Text.Trim();
        if (kpi.Length == 0)
        {
            errors.Add(new ImportError(line, ValueColumns.Kpi, "The kpi cell is empty. Write the KPI's code, e.g. EN-EN-AQ-2C (the template lists every code)."));
            return null;
        }

        var valueCell = cell(ValueColumns.Value);
        double number = 0;
        if (valueCell.Problem is { } problem)
        {
            errors.Add(new ImportError(line, ValueColumns.Value, problem));
        }
        else if (!CellNumber.TryParse(valueCell.Text, out number, out var why))
        {
            errors.Add(new ImportError(line, ValueColumns.Value, why!));
            number = 0;
        }

        var qualityText = cell(ValueColumns.Quality).Text.Trim();
        var quality = DataQuality.Unknown;
        if (qualityText.Length == 0)
        {
            errors.Add(new ImportError(line, ValueColumns.Quality,
                $"The quality cell is empty. Say how the value was obtained: one of {string.Join(", ", WireNames.Qualities)}."));
        }
        else if (!WireNames.TryParseQuality(qualityText.ToLowerInvariant(), out quality))
        {
            errors.Add(new ImportError(line, ValueColumns.Quality,
                $"'{Shorten(qualityText)}' is not a data-quality class. Write one of {string.Join(", ", WireNames.Qualities)}."));
        }

        return new KpiValue(
            Kpi: kpi,
            DataPoint: OrNull(cell(ValueColumns.DataPoint).Text.Trim()),
            Value: number,
            Unit: cell(ValueColumns.Unit).Text.Trim(),
            Quality: quality,
            Origin: cell(ValueColumns.Origin).Text.Trim(),
            Source: cell(ValueColumns.Source).Text.Trim(),
            Note: OrNull(cell(ValueColumns.Note).Text.Trim()));
    }

    // The rules on the snapshot as a whole concern no line (line 0); some say where to fix them.
    private static ImportError OfFile(Rejection rejection) =>
        new(0, null, rejection.Reason switch
        {
            RejectionReason.PeriodOutOfRange => rejection.Message + " Give the reporting year with --period.",
            RejectionReason.MalformedCityId => rejection.Message + " The city id comes from the node's settings (node.json).",
            _ => rejection.Message,
        });

    private static string? OrNull(string text) => text.Length == 0 ? null : text;

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
