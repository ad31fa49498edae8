namespace Network.ValueFiles;

/// <summary>
/// The parts of a verdict sheet: the facts above the table (name to line and text), the table's columns (name to
/// index), the value rows below the header, and the header's width.
/// </summary>
internal sealed record VerdictSheetLayout(
    Dictionary<string, (int Line, string Text)> Facts,
    Dictionary<string, int> Columns,
    IReadOnlyList<SheetRow> Values,
    int Width,
    List<ImportError> Errors)
{
    /// <summary>The layout of <paramref name="sheet"/>, or <see langword="null"/> with every problem added to <paramref name="errors"/>.</summary>
    public static VerdictSheetLayout? Read(SheetContent sheet, string sourceName, List<ImportError> errors)
    {
        if (sheet.Unreadable is { } unreadable)
        {
            errors.Add(unreadable);
            return null;
        }

        var rows = sheet.Rows.Where(r => !r.IsBlank || r.Problem is not null).ToList();
        var headerAt = rows.FindIndex(r => r.Cells.Any(c => VerdictColumns.Canonical(c.Text) == VerdictColumns.Kpi));
        if (headerAt < 0)
        {
            errors.Add(new ImportError(0, null,
                $"{sourceName} is not a verdict sheet: no row names the table's columns ({string.Join(", ", VerdictColumns.All)}). Fetch the sheet of the snapshot from the hub and fill that in."));
            return null;
        }

        var facts = new Dictionary<string, (int Line, string Text)>(StringComparer.Ordinal);
        foreach (var row in rows.Take(headerAt))
        {
            var name = row[0].Text.Trim();
            if (VerdictColumns.Facts.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase)) is not { } fact)
            {
                errors.Add(new ImportError(row.Line, null,
                    $"'{VerdictSheetReader.Shorten(name)}' is not a fact of a verdict sheet. Above the table stand only {string.Join(", ", VerdictColumns.Facts)}, as the hub wrote them."));
            }
            else if (!facts.TryAdd(fact, (row.Line, row[1].Text.Trim())))
            {
                errors.Add(new ImportError(row.Line, fact, $"The fact {fact} is already on line {facts[fact].Line}; keep the one the hub wrote."));
            }
        }

        foreach (var missing in VerdictColumns.Facts.Where(f => !facts.ContainsKey(f)))
        {
            errors.Add(new ImportError(0, missing,
                $"The sheet does not say which snapshot it judges: the fact {missing} is missing above the table. Fetch the sheet again, or copy the facts back."));
        }

        var header = rows[headerAt];
        var columns = MapHeader(header, errors);
        return errors.Count > 0 ? null : new VerdictSheetLayout(facts, columns, rows.Skip(headerAt + 1).ToList(), header.Cells.Count, errors);
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

            if (VerdictColumns.Canonical(name) is not { } canonical)
            {
                errors.Add(new ImportError(header.Line, VerdictSheetReader.Shorten(name),
                    $"'{VerdictSheetReader.Shorten(name)}' is not a column of the verdict sheet. The columns are {string.Join(", ", VerdictColumns.All)}; rename or remove it."));
            }
            else if (!columns.TryAdd(canonical, i))
            {
                errors.Add(new ImportError(header.Line, canonical, $"The column '{canonical}' appears twice in the header; keep one."));
            }
        }

        foreach (var required in VerdictColumns.Required.Where(c => !columns.ContainsKey(c)))
        {
            errors.Add(new ImportError(header.Line, required,
                $"The header has no '{required}' column. A verdict sheet needs at least: {string.Join(", ", VerdictColumns.Required)}."));
        }

        return columns;
    }

    // A row's cells by column name; a row wider than the header is reported (once per call) in the reader's errors.
    public Func<string, SheetCell> Cell(SheetRow row)
    {
        if (row.Cells.Skip(Width).Any(c => !c.IsBlank))
        {
            Errors.Add(new ImportError(row.Line, null,
                $"This line has {row.Cells.Count} cells but the header has {Width}. A cell with the separator in it must be in quotes, and no cell may stand right of the last column."));
        }

        return column => Columns.TryGetValue(column, out var i) ? row[i] : SheetCell.Empty;
    }
}
