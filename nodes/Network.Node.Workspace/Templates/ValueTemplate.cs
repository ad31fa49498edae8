using CsvHelper;
using Network.Contracts.Catalogue;
using Network.ValueFiles;

namespace Network.Node.Workspace.Templates;

/// <summary>
/// The empty value file an analyst fills in: every KPI of the catalogue (one row per data point for the KPIs
/// reported in parts) with its name, unit symbol, unit description and data points, and empty value, quality,
/// origin, source and note cells. A filled-in template imports as it is; rows left without a value are skipped.
/// </summary>
public static class ValueTemplate
{
    /// <summary>The template's columns, in order: the ones to fill in first, the informational ones last.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        ValueColumns.Kpi, ValueColumns.Name, ValueColumns.DataPoint, ValueColumns.Value, ValueColumns.Unit,
        ValueColumns.Quality, ValueColumns.Origin, ValueColumns.Source, ValueColumns.Note,
        ValueColumns.UnitDescription, ValueColumns.DataPoints,
    ];

    /// <summary>The template's rows for <paramref name="catalogue"/> (the shipped one by default), in catalogue order.</summary>
    public static IReadOnlyList<TemplateRow> Rows(KpiCatalogue? catalogue = null) =>
        (catalogue ?? KpiCatalogue.Default).All
            .SelectMany(k => (k.HasDataPoints ? k.DataPoints.Select(p => (string?)p) : [null])
                .Select(point => new TemplateRow(k.Code, k.Name, point, k.Unit.Symbol, k.UnitDescription, string.Join("; ", k.DataPoints))))
            .ToList();

    /// <summary>Writes the template to <paramref name="path"/> in <paramref name="format"/>.</summary>
    public static void Write(string path, TemplateFormat format)
    {
        using var file = File.Create(path);
        Write(file, format);
    }

    /// <summary>Writes the template to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static void Write(Stream output, TemplateFormat format)
    {
        if (format == TemplateFormat.Xlsx)
        {
            XlsxTemplate.Write(output, Rows());
        }
        else
        {
            WriteCsv(output);
        }
    }

    /// <summary>Writes the CSV template: RFC 4180, comma separated, UTF-8 with a byte-order mark (so that Excel shows the text right).</summary>
    public static void WriteCsv(Stream output)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
        foreach (var row in Rows())
        {
            foreach (var cell in Cells(row))
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    /// <summary>The cells of <paramref name="row"/> in the order of <see cref="Columns"/>.</summary>
    public static IReadOnlyList<string> Cells(TemplateRow row) =>
        [row.Kpi, row.Name, row.DataPoint ?? "", "", row.Unit, "", "", "", "", row.UnitDescription, row.DataPoints];
}
