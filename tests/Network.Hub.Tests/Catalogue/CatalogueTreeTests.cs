using Network.Hub.Catalogue;

namespace Network.Hub.Tests.Catalogue;

public sealed class CatalogueTreeTests(HubApplication hub)
{
    [Fact]
    public async Task Holds_three_dimensions_seven_sub_dimensions_27_category_nodes_and_91_kpis()
    {
        var tree = await hub.GetOkAsync<CatalogueTreeResponse>("/api/kpis/tree");

        Assert.Equal("u4ssc-2017.1", tree.CatalogueVersion);
        Assert.Equal(
            [("EC", "Economy", 45), ("EN", "Environment", 17), ("SC", "Society and Culture", 29)],
            tree.Dimensions.Select(d => (d.Code, d.Name, d.SubDimensions.SelectMany(s => s.Categories).Sum(c => c.Kpis.Count))));
        var subDimensions = tree.Dimensions.SelectMany(d => d.SubDimensions).ToArray();
        Assert.Equal(7, subDimensions.Length);
        Assert.Equal(27, subDimensions.SelectMany(s => s.Categories).Count());
        Assert.Equal(91, subDimensions.SelectMany(s => s.Categories).Sum(c => c.Kpis.Count));
    }

    [Fact]
    public async Task Shows_a_category_name_under_each_of_its_nodes_with_one_code_per_node()
    {
        var tree = await hub.GetOkAsync<CatalogueTreeResponse>("/api/kpis/tree");

        var nodes = tree.Dimensions.SelectMany(d => d.SubDimensions).SelectMany(s => s.Categories).ToArray();
        Assert.Equal(nodes.Length, nodes.Select(c => c.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            [("EC-ICT-WS", 2), ("EC-I-WS", 5), ("EN-EN-WS", 4)],
            nodes.Where(c => c.Name == "Water and Sanitation").Select(c => (c.Code, c.Kpis.Count)));
    }

    [Fact]
    public async Task Lists_the_same_kpis_in_the_same_order_as_the_kpi_list()
    {
        var tree = await hub.GetOkAsync<CatalogueTreeResponse>("/api/kpis/tree");
        var list = await hub.GetOkAsync<KpiListResponse>("/api/kpis");

        var leaves = tree.Dimensions.SelectMany(d => d.SubDimensions).SelectMany(s => s.Categories).SelectMany(c => c.Kpis);
        Assert.Equal(list.Kpis.Select(k => (k.Code, k.Name)), leaves.Select(k => (k.Code, k.Name)));
    }
}
