using System.Text;
using Network.Contracts.Catalogue;
using Network.Contracts.Csv;

namespace Network.Contracts.Tests.Catalogue;

/// <summary>
/// The catalogue file shipped in the contracts assembly, as rows a test can break one field at a time
/// and write back as CSV for <c>KpiCatalogue.Parse</c>.
/// </summary>
internal sealed class CatalogueCsv
{
    private readonly List<List<string>> _rows;

    private CatalogueCsv(List<List<string>> rows) => _rows = rows;

    /// <summary>The embedded file as shipped.</summary>
    public static CatalogueCsv Shipped()
    {
        using var stream = typeof(KpiCatalogue).Assembly.GetManifestResourceStream("Network.Contracts.Catalogue.u4ssc-kpis.csv")!;
        using var reader = new StreamReader(stream);
        return new CatalogueCsv(CsvText.Read(reader).Select(r => r.Fields.ToList()).ToList());
    }

    /// <summary>The value in <paramref name="column"/> of data row <paramref name="line"/> (the header is line 1).</summary>
    public string Get(int line, string column) => _rows[line - 1][_rows[0].IndexOf(column)];

    /// <summary>Sets <paramref name="column"/> of the row on file line <paramref name="line"/> (the header is line 1).</summary>
    public CatalogueCsv With(int line, string column, string value)
    {
        var index = _rows[0].IndexOf(column);
        Assert.True(index >= 0, $"No column '{column}'.");
        _rows[line - 1][index] = value;
        return this;
    }

    /// <summary>Drops the last field of the row on file line <paramref name="line"/>.</summary>
    public CatalogueCsv WithFieldMissing(int line)
    {
        _rows[line - 1].RemoveAt(_rows[line - 1].Count - 1);
        return this;
    }

    /// <summary>Removes a column from every row.</summary>
    public CatalogueCsv WithoutColumn(string column)
    {
        var index = _rows[0].IndexOf(column);
        foreach (var row in _rows)
        {
            row.RemoveAt(index);
        }

        return this;
    }

    /// <summary>Parses the rows as a catalogue.</summary>
    public KpiCatalogue Parse() => KpiCatalogue.Parse(new StringReader(ToCsv()));

    private string ToCsv()
    {
        var csv = new StringBuilder();
        foreach (var row in _rows)
        {
            csv.AppendJoin(',', row.Select(Quote)).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
}
