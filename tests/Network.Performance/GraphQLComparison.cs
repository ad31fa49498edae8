using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Network.Performance;

/// <summary>
/// The comparison through GraphQL: one POST of the <c>compare</c> field to <c>/graphql</c> over real HTTP, asking for
/// what a comparison page shows (every cell's value with its score, band, rank, percentile and quality), or with
/// <see cref="ComparisonQuery.ValuesOnly"/> only the values.
/// </summary>
public sealed class GraphQLComparison(HttpClient http, ComparisonQuery query) : IComparisonWay
{
    private const string FullSelection = """
        period targetSet
        cities { id name reported }
        rows {
          kpiCode dataPoint unit reportingCount networkMedian
          cells { cityId value percentOfTarget points band rank percentile quality verified }
        }
        """;

    private const string ValuesSelection = "rows { kpiCode dataPoint cells { cityId value } }";

    private readonly byte[] _body = JsonSerializer.SerializeToUtf8Bytes(new
    {
        query = $"query Compare($cities: [ID!]!, $kpis: [String!], $period: Int!) {{ compare(cities: $cities, kpis: $kpis, period: $period) {{ {(query.ValuesOnly ? ValuesSelection : FullSelection)} }} }}",
        variables = new { cities = query.CityIds, kpis = query.Kpis, period = query.Period },
    });

    /// <inheritdoc/>
    public string Name => "GraphQL `compare` (HTTP POST)";

    /// <summary>The request body: the query and its variables, as JSON.</summary>
    public string RequestJson => Encoding.UTF8.GetString(_body);

    /// <inheritdoc/>
    public async Task FetchAsync(CancellationToken cancellationToken) => await PostAsync(cancellationToken);

    /// <inheritdoc/>
    public async Task<IReadOnlyDictionary<ComparisonCellKey, double>> ReadValuesAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await PostAsync(cancellationToken));
        var values = new Dictionary<ComparisonCellKey, double>();
        foreach (var row in document.RootElement.GetProperty("data").GetProperty("compare").GetProperty("rows").EnumerateArray())
        {
            var kpi = row.GetProperty("kpiCode").GetString()!;
            var point = row.GetProperty("dataPoint").GetString();
            foreach (var cell in row.GetProperty("cells").EnumerateArray())
            {
                if (cell.GetProperty("value") is { ValueKind: JsonValueKind.Number } value)
                {
                    values.Add(new ComparisonCellKey(cell.GetProperty("cityId").GetString()!, kpi, point), value.GetDouble());
                }
            }
        }

        return values;
    }

    // A GraphQL error can come with a 200 (and partial data), so the body is searched for it: a plain byte search,
    // as cheap as a client can make the check (no value of this query can contain the text "errors").
    private async Task<byte[]> PostAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            throw new HttpRequestException($"GraphQL answered {(int)response.StatusCode}: {Excerpt(body)}");
        }

        return body;
    }

    private static string Excerpt(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
}
