using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Network.Performance;

/// <summary>
/// The city profile page, <c>GET /cities/{cityId}</c>, over real HTTP: each request asks for the next of the profiled
/// cities in turn (so the clients spread over them), and is timed to the last byte of the HTML.
/// </summary>
public sealed class ProfilePageWay(HttpClient http, IReadOnlyList<string> cityIds) : IComparisonWay
{
    private int _next = -1;

    /// <inheritdoc/>
    public string Name => "page `GET /cities/{id}`";

    /// <inheritdoc/>
    public async Task FetchAsync(CancellationToken cancellationToken) => await GetAsync(Next(), cancellationToken);

    /// <summary>The page of <paramref name="cityId"/>, as text; throws unless it is a 200.</summary>
    public async Task<string> PageAsync(string cityId, CancellationToken cancellationToken) =>
        Encoding.UTF8.GetString(await GetAsync(cityId, cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<ComparisonCellKey, double>> ReadValuesAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The page's numbers are text: ProfileBenchmark compares its figures with GraphQL's instead.");

    private string Next() => cityIds[(int)((uint)Interlocked.Increment(ref _next) % (uint)cityIds.Count)];

    private async Task<byte[]> GetAsync(string cityId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("cities/" + Uri.EscapeDataString(cityId), HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? body
            : throw new HttpRequestException($"The page of {cityId} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300))}");
    }
}

/// <summary>
/// The same profile through GraphQL: ONE query carrying what the page shows — the city, its snapshots (the periods and
/// the shown period's signed snapshot), its values of the shown period with unit, quality, source and verdict, its
/// score card for that period (every value's target, percent of target, band, rank, percentile, network median; the
/// categories and dimensions with their percentages, bands and mean percentiles), every period's values for the
/// trends, the target sets offered and the catalogue's names the page arranges the values by. Cities in turn, as the page.
/// </summary>
public sealed class GraphQLProfileWay(HttpClient http, IReadOnlyList<string> cityIds, int period) : IComparisonWay
{
    /// <summary>The query, as sent.</summary>
    public const string Query = """
        query Profile($id: ID!, $period: Int!) {
          catalogue { dimensions { code name subDimensions { categories { code name kpis { code name } } } } }
          targetSets { name version targets { kpiCode } }
          city(id: $id) {
            id name population
            snapshots { id period status issuedAt digest }
            latest: values(period: $period) { kpiCode dataPoint value unit period quality source verified verdict verifiedBy }
            trend: values { kpiCode dataPoint period value }
            scores(period: $period) {
              targetSet { name version }
              kpis { code values { dataPoint percentOfTarget band target { value } rank percentile reportingCount networkMedian } }
              categories { code name percentage band meanPercentile percentileCount }
              dimensions { code name percentage band meanPercentile percentileCount }
            }
          }
        }
        """;

    private readonly byte[][] _bodies = [.. cityIds.Select(id => JsonSerializer.SerializeToUtf8Bytes(new { query = Query, variables = new { id, period } }))];
    private int _next = -1;

    /// <inheritdoc/>
    public string Name => "GraphQL `city` (HTTP POST)";

    /// <inheritdoc/>
    public async Task FetchAsync(CancellationToken cancellationToken) =>
        await PostAsync(_bodies[(int)((uint)Interlocked.Increment(ref _next) % (uint)_bodies.Length)], cancellationToken);

    /// <summary>The answer for <paramref name="cityId"/>'s profile, parsed.</summary>
    public async Task<JsonDocument> ProfileAsync(string cityId, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await PostAsync(_bodies[IndexOf(cityId)], cancellationToken));

    /// <inheritdoc/>
    public Task<IReadOnlyDictionary<ComparisonCellKey, double>> ReadValuesAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("ProfileBenchmark compares the answers itself.");

    private int IndexOf(string cityId)
    {
        for (var i = 0; i < cityIds.Count; i++)
        {
            if (cityIds[i] == cityId)
            {
                return i;
            }
        }

        throw new ArgumentException($"{cityId} is not profiled.", nameof(cityId));
    }

    // As GraphQLComparison: an error can come with a 200, so the body is searched for one.
    private async Task<byte[]> PostAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        using var response = await http.SendAsync(request, cancellationToken);
        var answer = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || answer.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            throw new HttpRequestException($"GraphQL answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(answer, 0, Math.Min(answer.Length, 400))}");
        }

        return answer;
    }
}
