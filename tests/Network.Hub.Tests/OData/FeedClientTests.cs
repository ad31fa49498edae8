using Network.Testing.Hub;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;

namespace Network.Hub.Tests.OData;

/// <summary>A hub whose feed pages every four rows, so next links are followed through several pages.</summary>
public sealed class SmallPagesNetwork() : FeedNetwork(new Dictionary<string, string?> { ["Network:OData:PageSize"] = "4" })
{
    public const int PageSize = 4;
}

/// <summary>
/// The feed read the way Excel and Power BI read an "OData feed": the service document, then <c>$metadata</c>, then
/// each entity set, following <c>@odata.nextLink</c> until there is none.
/// </summary>
public sealed class FeedClientTests(SmallPagesNetwork network) : IClassFixture<SmallPagesNetwork>
{
    [Fact]
    public async Task Reads_every_entity_set_of_the_service_document_page_by_page_each_row_exactly_once()
    {
        // Excel and Power BI read the feed anonymously: the public record, without Bergen's preliminary snapshot.
        using var client = network.Hub.CreateClient();
        client.BaseAddress = new Uri(client.BaseAddress!, "/odata/");
        var document = await client.GetFromJsonAsync<JsonElement>("", TestContext.Current.CancellationToken);
        var model = await ReadModelAsync(client);

        var counts = new Dictionary<string, int>();
        foreach (var set in document.GetProperty("value").EnumerateArray())
        {
            var name = set.Text("name")!;
            var key = model.EntityContainer.FindEntitySet(name).EntityType.Key().Single().Name;
            var rows = await ReadAllAsync(client, set.Text("url")!);
            Assert.Equal(rows.Count, rows.Select(r => r.GetProperty(key).ToString()).Distinct().Count());
            counts[name] = rows.Count;
        }

        Assert.Equal(
            new Dictionary<string, int> { ["Cities"] = 4, ["Kpis"] = 91, ["Snapshots"] = network.PublicRecord.Count, ["KpiValues"] = network.PublicRecord.Sum(s => s.Values.Count) },
            counts);
    }

    [Fact]
    public async Task Next_links_keep_the_filter_the_order_and_the_count()
    {
        using var client = await network.Hub.CreateMemberClientAsync();
        var pages = new List<JsonElement>();
        for (var url = "/odata/KpiValues?$filter=Current eq true&$orderby=Value desc&$count=true&$select=Id,Value,Score"; url is not null;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(url, TestContext.Current.CancellationToken);
            pages.Add(page);
            url = page.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
        }

        var rows = pages.SelectMany(p => p.GetProperty("value").EnumerateArray()).ToList();
        var current = network.Current.Sum(s => s.Values.Count);
        Assert.Equal(current, rows.Count);
        Assert.Equal((current + SmallPagesNetwork.PageSize - 1) / SmallPagesNetwork.PageSize, pages.Count);
        Assert.All(pages, p => Assert.Equal(current, p.GetProperty("@odata.count").GetInt32()));
        Assert.Equal(rows.Select(r => r.Number("Value")).OrderDescending(), rows.Select(r => r.Number("Value")));
        Assert.Equal(current, rows.Select(r => r.Id()).Distinct().Count());
        Assert.Contains(rows, r => r.Number("Score") is not null); // engine columns on every page, not only the first
    }

    [Fact]
    public async Task Top_smaller_than_the_whole_result_is_honoured_across_pages()
    {
        var rows = await ReadAllAsync(await network.Hub.CreateMemberClientAsync(), "/odata/KpiValues?$top=10&$select=Id");

        Assert.Equal(10, rows.Count);
        Assert.Equal(10, rows.Select(r => r.Id()).Distinct().Count());
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, string url)
    {
        var rows = new List<JsonElement>();
        for (string? next = url; next is not null;)
        {
            var page = await client.GetFromJsonAsync<JsonElement>(next, TestContext.Current.CancellationToken);
            var values = page.GetProperty("value").EnumerateArray().ToList();
            Assert.InRange(values.Count, 0, SmallPagesNetwork.PageSize);
            rows.AddRange(values);
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return rows;
    }

    private static async Task<IEdmModel> ReadModelAsync(HttpClient client)
    {
        await using var stream = await client.GetStreamAsync("$metadata", TestContext.Current.CancellationToken);
        using var reader = XmlReader.Create(stream);
        Assert.True(CsdlReader.TryParse(reader, out var model, out var errors), string.Join("; ", errors.Select(e => e.ErrorMessage)));
        return model;
    }
}
