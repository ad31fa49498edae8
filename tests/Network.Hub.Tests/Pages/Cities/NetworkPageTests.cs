using System.Net;
using System.Text.RegularExpressions;
using Network.Contracts.Catalogue;

namespace Network.Hub.Tests.Pages.Cities;

/// <summary>The Network page's search, filters and sort over real HTTP: the URL is the permalink, bad input a 400 page in words.</summary>
public sealed partial class NetworkPageTests(NetworkPageFixture fixture) : IClassFixture<NetworkPageFixture>
{
    [Fact]
    public async Task Without_a_query_every_city_is_listed_by_name_with_the_form_and_the_count()
    {
        var html = await fixture.Hub.PageAsync("/cities");

        Assert.Equal(["Bergen", "Fjordvik", "Helsinki", "Trondheim"], CityNames(html));
        Assert.Contains("4 cities.", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q\">", html, StringComparison.Ordinal);
        Assert.Contains("maxlength=\"100\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"FI\">FI</option>", html, StringComparison.Ordinal);
        Assert.Contains("206,000", html, StringComparison.Ordinal);
        Assert.Contains("not stated", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/cities?q=trond", "Trondheim")]
    [InlineData("/cities?q=TROND", "Trondheim")]
    [InlineData("/cities?q=NO-46", "Bergen")]
    [InlineData("/cities?country=FI", "Helsinki")]
    [InlineData("/cities?country=fi", "Helsinki")]
    [InlineData("/cities?size=small", "Fjordvik")]
    [InlineData("/cities?size=unknown", "Helsinki")]
    public async Task Search_and_filters_narrow_the_list_and_say_how_many_match(string path, string only)
    {
        var html = await fixture.Hub.PageAsync(path);

        Assert.Equal([only], CityNames(html));
        Assert.Contains("1 of 4 cities match", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_bands_are_named_with_their_bounds()
    {
        var html = await fixture.Hub.PageAsync("/cities?size=large&country=NO");

        Assert.Equal(["Bergen", "Trondheim"], CityNames(html));
        Assert.Contains("2 of 4 cities match: in country NO; large: 200,000 to 999,999.", html, StringComparison.Ordinal);
        Assert.Contains("small: under 50,000 inhabitants", html, StringComparison.Ordinal);
        Assert.Contains("metropolis: 1 million or more", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dimension_coverage_keeps_the_cities_that_report_enough_of_the_dimension()
    {
        // Bergen reports 3 Environment KPIs and Trondheim 1: a threshold between the two keeps Bergen only.
        var total = KpiCatalogue.Default.InDimension(Dimension.Environment).Count();
        var least = (int)Math.Ceiling(200.0 / total);
        var html = await fixture.Hub.PageAsync($"/cities?dimension=EN&coverage={least}");

        Assert.Equal(["Bergen"], CityNames(html));
        Assert.Contains($"reporting at least {least} % of the {total} Environment KPIs", html, StringComparison.Ordinal);

        var any = await fixture.Hub.PageAsync("/cities?dimension=EN");
        Assert.Equal(["Bergen", "Trondheim"], CityNames(any));
    }

    [Fact]
    public async Task Sorting_by_a_column_orders_the_rows_and_keeps_unknowns_last_and_the_headers_link_the_other_way()
    {
        var descending = await fixture.Hub.PageAsync("/cities?sort=population&dir=desc");
        Assert.Equal(["Bergen", "Trondheim", "Fjordvik", "Helsinki"], CityNames(descending));
        Assert.Contains("href=\"/cities?sort=population\"", descending, StringComparison.Ordinal);
        Assert.Contains("aria-sort=\"descending\"", descending, StringComparison.Ordinal);

        var ascending = await fixture.Hub.PageAsync("/cities?sort=population");
        Assert.Equal(["Fjordvik", "Trondheim", "Bergen", "Helsinki"], CityNames(ascending));
        Assert.Contains("href=\"/cities?sort=population&amp;dir=desc\"", ascending, StringComparison.Ordinal);

        var byKpis = await fixture.Hub.PageAsync("/cities?country=NO&sort=kpis&dir=desc");
        Assert.Equal(["Bergen", "Trondheim", "Fjordvik"], CityNames(byKpis));
        // The sort links keep the filters: the URL stays the permalink.
        Assert.Contains("href=\"/cities?country=NO&amp;sort=name\"", byKpis, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_nothing_matches_the_page_says_so_in_words()
    {
        var html = WebUtility.HtmlDecode(await fixture.Hub.PageAsync("/cities?q=Atlantis"));

        Assert.Empty(CityNames(html));
        Assert.Contains("0 of 4 cities match: name or id containing \u201cAtlantis\u201d.", html, StringComparison.Ordinal);
        Assert.Contains("No city matches these filters.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("size=huge", "Size", "choose one of small, medium, large, metropolis, unknown")]
    [InlineData("country=Norway", "Country", "two-letter code")]
    [InlineData("dimension=XX", "Dimension", "choose EC (Economy)")]
    [InlineData("dimension=EN&coverage=abc", "Coverage", "whole percentage from 0 to 100")]
    [InlineData("dimension=EN&coverage=101", "Coverage", "whole percentage from 0 to 100")]
    [InlineData("coverage=50", "Coverage", "needs a dimension")]
    [InlineData("sort=password", "Sort", "sort by one of name, id")]
    [InlineData("dir=sideways", "Direction", "asc or desc")]
    public async Task Bad_input_is_a_400_page_that_names_the_field_and_why(string query, string field, string why)
    {
        var html = await fixture.Hub.PageAsync("/cities?" + query, HttpStatusCode.BadRequest);

        Assert.Contains("The filter cannot be applied", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{field}</strong>", html, StringComparison.Ordinal);
        Assert.Contains(why, html, StringComparison.Ordinal);
        Assert.Empty(CityNames(html));
    }

    [Fact]
    public async Task A_search_longer_than_the_bound_is_refused_before_any_work()
    {
        var html = await fixture.Hub.PageAsync("/cities?q=" + new string('x', 101), HttpStatusCode.BadRequest);

        Assert.Contains("search text has at most 100 characters; this one has 101.", html, StringComparison.Ordinal);
    }

    private static List<string> CityNames(string html) =>
        [.. CityLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<th scope=\"row\"><a href=\"/cities/[^\"]+\">([^<]+)</a></th>")]
    private static partial Regex CityLink();
}
