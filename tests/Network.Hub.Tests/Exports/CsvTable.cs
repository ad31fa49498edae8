using System.Net;
using System.Text;

namespace Network.Hub.Tests.Exports;

/// <summary>A CSV export read back: the header, and each row as a field-by-column lookup.</summary>
internal sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The row of a KPI (and data point).</summary>
    public IReadOnlyList<string> Row(string kpi, string dataPoint = "") =>
        Rows.Single(r => r[0] == kpi && r[Column("dataPoint")] == dataPoint);

    /// <summary>A field of <paramref name="row"/> by column name.</summary>
    public string Field(IReadOnlyList<string> row, string column) => row[Column(column)];

    public int Column(string name)
    {
        var index = Header.ToList().IndexOf(name);
        Assert.True(index >= 0, $"No column '{name}' in: {string.Join(" | ", Header)}");
        return index;
    }

    /// <summary>GETs a CSV export, asserting a 200 attachment in UTF-8 with a byte-order mark, and parses it.</summary>
    public static async Task<CsvTable> GetAsync(HttpClient client, string pathAndQuery)
    {
        using var response = await client.GetAsync(pathAndQuery, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {pathAndQuery} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(bytes)}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes.Take(3));
        return Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    /// <summary>RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; records end with CRLF.</summary>
    public static CsvTable Parse(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                field.Append(c);
            }
        }

        Assert.Empty(record);
        Assert.All(records, r => Assert.Equal(records[0].Count, r.Count));
        return new CsvTable(records[0], records.Skip(1).ToArray());
    }
}
