using System.Text;
using System.Text.Json;

namespace Network.Performance;

/// <summary>
/// The comparison through the OData feed, as Excel or Power BI would load it: the <c>KpiValues</c> entity set filtered
/// to the current values of the cities and period, with the value and the engine's score columns (or, with
/// <see cref="ComparisonQuery.ValuesOnly"/>, the values only), every page read by following <c>@odata.nextLink</c>.
/// One comparison is all its pages. Every KPI is compared, so the filter names no KPI.
/// </summary>
public sealed class ODataComparison(HttpClient http, ComparisonQuery query) : IComparisonWay
{
    private const string FullSelect = "CityId,KpiCode,DataPoint,Value,Unit,Quality,Verified,Score,Points,Band,Rank,Percentile,NetworkMedian,ReportingCities";
    private const string ValuesSelect = "CityId,KpiCode,DataPoint,Value";

    private readonly string _firstPage =
        "odata/KpiValues?$filter=" + Uri.EscapeDataString(
            $"Current eq true and Period eq {query.Period} and CityId in ({string.Join(',', query.CityIds.Select(c => $"'{c}'"))})") +
        "&$select=" + (query.ValuesOnly ? ValuesSelect : FullSelect);

    /// <inheritdoc/>
    public string Name => "OData `KpiValues` (HTTP GET, all pages)";

    /// <summary>The first page's address, relative to the hub, for the report.</summary>
    public string FirstPage => _firstPage;

    /// <inheritdoc/>
    public async Task FetchAsync(CancellationToken cancellationToken)
    {
        for (Uri? page = new(_firstPage, UriKind.Relative); page is not null;)
        {
            page = NextLink(await GetAsync(page, cancellationToken));
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ComparisonCellKey, double>> ReadValuesAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<ComparisonCellKey, double>();
        for (Uri? page = new(_firstPage, UriKind.Relative); page is not null;)
        {
            var body = await GetAsync(page, cancellationToken);
            using var document = JsonDocument.Parse(body);
            foreach (var row in document.RootElement.GetProperty("value").EnumerateArray())
            {
                values.Add(
                    new ComparisonCellKey(row.GetProperty("CityId").GetString()!, row.GetProperty("KpiCode").GetString()!, row.GetProperty("DataPoint").GetString()),
                    row.GetProperty("Value").GetDouble());
            }

            page = NextLink(body);
        }

        return values;
    }

    private async Task<byte[]> GetAsync(Uri page, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(page, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"OData answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300))}");
        }

        return body;
    }

    // The next page's address without parsing the page: a byte search for the annotation, then a JSON reader for its
    // string (which may hold escapes). OData writes the link after the rows.
    private static Uri? NextLink(byte[] body)
    {
        var name = "\"@odata.nextLink\":"u8;
        var at = body.AsSpan().LastIndexOf(name);
        if (at < 0)
        {
            return null;
        }

        var reader = new Utf8JsonReader(body.AsSpan(at + name.Length));
        reader.Read();
        return new Uri(reader.GetString()!, UriKind.RelativeOrAbsolute);
    }
}
