using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Network.Contracts.Snapshots;
using Network.Spreadsheets;
using Network.ValueFiles;

namespace Network.Node.Workspace.Templates;

/// <summary>
/// The template as an Excel workbook (the shared <see cref="XlsxWorkbook"/> writer): the sheet <c>Values</c> with a bold, frozen header, the
/// catalogue's columns shaded as "for reading", and a drop-down of the data-quality classes; and a sheet
/// <c>Instructions</c>. The importer reads the sheet named <c>Values</c>, so the instructions can stay.
/// </summary>
internal static class XlsxTemplate
{
    private static readonly string[] Instructions =
    [
        "U4SSC KPI values for one year: how to fill in this workbook",
        "",
        "Fill in the sheet Values, one row per value. Rows whose value cell stays empty are skipped, so leave the KPIs you do not report empty.",
        "value: the number in the KPI's unit (column unit), with a decimal point or comma, e.g. 2.46. Not formatted as a percentage: for 98 %, type 98.",
        $"quality: how the value was obtained, one of: {string.Join(", ", WireNames.Qualities)}.",
        "origin: who produced the data, e.g. Trondheim kommune or Statistics Norway.",
        "source: where the value can be checked: a document, a table or a URL.",
        "note: optional, a caveat or a difference from the KPI's definition.",
        "kpi, dataPoint and unit must stay as they are; name, unitDescription and dataPoints are for reading and are ignored.",
        "",
        "Then: import the file with the node (import FILE --period YEAR), publish, and send.",
    ];

    public static void Write(Stream output, IReadOnlyList<TemplateRow> rows) =>
        XlsxWorkbook.Write(output, [ValuesSheet(rows), InstructionsSheet()]);

    private static XlsxWorksheet ValuesSheet(IReadOnlyList<TemplateRow> rows)
    {
        var columns = ValueTemplate.Columns;
        var informational = columns.Select(c => c is ValueColumns.Kpi or ValueColumns.Name or ValueColumns.DataPoint or ValueColumns.Unit
            or ValueColumns.UnitDescription or ValueColumns.DataPoints).ToArray();

        var cells = new List<IReadOnlyList<XlsxCell>> { columns.Select(c => new XlsxCell(c, XlsxStyle.Bold)).ToArray() };
        cells.AddRange(rows.Select(row => ValueTemplate.Cells(row)
            .Select((text, c) => new XlsxCell(text, informational[c] ? XlsxStyle.Shaded : XlsxStyle.Normal)).ToArray()));

        var quality = XlsxWorkbook.Letter(columns.ToList().IndexOf(ValueColumns.Quality));
        var last = rows.Count + 1;
        return new XlsxWorksheet(ValueFile.ValuesSheetName, cells)
        {
            FreezeHeader = true,
            ColumnWidths = columns.Select(Width).ToArray(),
            After =
            [
                new AutoFilter { Reference = $"A1:{XlsxWorkbook.Letter(columns.Count - 1)}{last}" },
                new DataValidations(new DataValidation(
                    new Formula1($"\"{string.Join(",", WireNames.Qualities)}\""))
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "Data quality",
                    Error = "Choose one of the U4SSC data-quality classes.",
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = $"{quality}2:{quality}{last}" },
                })
                { Count = 1 },
            ],
        };
    }

    private static XlsxWorksheet InstructionsSheet() => new(
        "Instructions",
        Instructions.Select((line, i) => (IReadOnlyList<XlsxCell>)[new XlsxCell(line, i == 0 ? XlsxStyle.Bold : XlsxStyle.Normal)]).ToArray())
    {
        ColumnWidths = [140],
    };

    private static double Width(string column) => column switch
    {
        ValueColumns.Kpi => 16,
        ValueColumns.Name => 40,
        ValueColumns.DataPoint => 16,
        ValueColumns.Value => 12,
        ValueColumns.Unit => 30,
        ValueColumns.Quality => 24,
        ValueColumns.Origin or ValueColumns.Source => 36,
        ValueColumns.Note => 30,
        ValueColumns.UnitDescription => 60,
        _ => 40,
    };
}
