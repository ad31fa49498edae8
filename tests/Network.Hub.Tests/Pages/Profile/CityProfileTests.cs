using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Catalogue;
using Network.Hub.Targets;

namespace Network.Hub.Tests.Pages.Profile;

/// <summary>
/// The city profile over real HTTP, as an anonymous visitor sees it: the wheel coloured by band or percentile with the
/// target set named, ranks and percentiles computed by the engine from the posted snapshots, the trend, the downloads,
/// and missing values as "not reported".
/// </summary>
public sealed partial class CityProfileTests(CityProfileFixture fixture) : IClassFixture<CityProfileFixture>
{
    private static readonly string Employment = KpiCatalogue.Default["EC-P-EM-1C"].Category;
    private static readonly string Ict = KpiCatalogue.Default["EC-ICT-ICT-1C"].Category;

    [Fact]
    public async Task The_summary_shows_the_latest_public_period_its_kpis_and_verified_share()
    {
        var html = await fixture.Hub.PageAsync("/cities/NO-5001");

        Assert.Contains("<dt>Period</dt><dd>2020", html, StringComparison.Ordinal);
        Assert.Contains("<dt>KPIs reported</dt><dd>2 of 91", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Verified</dt><dd>0 %<span class=\"sub\">0 of 2 values</span>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2020\" selected>2020</option>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2019\">2019</option>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2021", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_profile_leads_to_the_citys_partners_and_to_the_compare_form_with_the_city_ticked()
    {
        var html = WebUtility.HtmlDecode(await fixture.Hub.PageAsync("/cities/NO-5001"));

        Assert.Matches(@"href=""/partners\?city=NO-5001&period=\d{4}""", html);
        Assert.Contains("href=\"/compare?with=NO-5001\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_the_target_set_scores_is_coloured_by_band_and_one_it_does_not_by_percentile_and_the_set_is_named()
    {
        var html = WebUtility.HtmlDecode(await fixture.Hub.PageAsync("/cities/NO-5001"));

        Assert.Contains("target set <strong class=\"target-set\">definition-implied</strong>", html, StringComparison.Ordinal);
        // Household internet access: 95 % of the implied 100 % target is band 4 ("95%+ Target").
        Assert.Matches($"class=\"band-4\"><title>{Regex.Escape(Ict)}: band 4, 95%\\+ Target \\(100 % of target points over 1 scored KPIs\\)</title>", html);
        // Unemployment has no target in that set: Trondheim's 1.34 is the best of three, percentile 100.
        Assert.Matches($"class=\"pct-4\"><title>{Regex.Escape(Employment)}: no target; network percentile 100 \\(mean over 1 KPIs\\)</title>", html);
        Assert.Contains("network percentile 75 or more", html, StringComparison.Ordinal);
        Assert.Contains("band 1: Less than 33% of Target", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_target_set_chosen_in_the_query_scores_the_category_by_band_and_is_named()
    {
        await fixture.Hub.WithServicesAsync(async s =>
        {
            var upload = await s.GetRequiredService<TargetSets>().AddAsync("employment-goals", "1", "kpi,target,source\nEC-P-EM-1C,4,the city's 2030 goal\n");
            Assert.True(upload.Outcome is TargetSetUploadOutcome.Created or TargetSetUploadOutcome.Unchanged, upload.Conflict);
        });

        var html = await fixture.Hub.PageAsync("/cities/NO-5001?targets=employment-goals");

        Assert.Contains("target set <strong class=\"target-set\">employment-goals</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"employment-goals\" selected>", html, StringComparison.Ordinal);
        Assert.Matches($"class=\"band-4\"><title>{Regex.Escape(Employment)}: band 4", html);
        // The set has no target for internet access: that category now stands by percentile (the only reporter: none).
        Assert.DoesNotMatch($"class=\"band-\\d\"><title>{Regex.Escape(Ict)}:", html);
    }

    [Fact]
    public async Task An_unknown_target_set_or_a_bad_or_unpublished_period_is_a_400_page_in_words()
    {
        var unknown = await fixture.Hub.PageAsync("/cities/NO-5001?targets=no-such-set", HttpStatusCode.BadRequest);
        Assert.Contains("<strong>Target set</strong>: the hub has no target set of that name; choose one of definition-implied", unknown, StringComparison.Ordinal);

        var tooLong = await fixture.Hub.PageAsync("/cities/NO-5001?targets=" + new string('t', 101), HttpStatusCode.BadRequest);
        Assert.Contains("at most 100 characters", tooLong, StringComparison.Ordinal);

        var notAYear = await fixture.Hub.PageAsync("/cities/NO-5001?period=twenty", HttpStatusCode.BadRequest);
        Assert.Contains("<strong>Period</strong>: give the period as a year such as 2020.", notAYear, StringComparison.Ordinal);

        // 2021 exists, but only as a preliminary snapshot: to the public it is not there.
        var embargoed = await fixture.Hub.PageAsync("/cities/NO-5001?period=2021", HttpStatusCode.BadRequest);
        Assert.Contains("Trondheim has no values for 2021 that you may read; its periods are 2020, 2019.", embargoed, StringComparison.Ordinal);
        Assert.DoesNotContain("77.125", embargoed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranks_and_percentiles_are_the_engines_over_the_public_record()
    {
        // Unemployment 2020, lower is better, public: Trondheim 1.34, Bergen 3, Fjordvik 5 (median 3). Helsinki's
        // preliminary 0.5 would make Trondheim second of four: it must not count for an anonymous reader.
        Assert.Equal("1 of 3|percentile 100 · median 3", Standing(await fixture.Hub.PageAsync("/cities/NO-5001"), "EC-P-EM-1C"));
        Assert.Equal("2 of 3|percentile 50 · median 3", Standing(await fixture.Hub.PageAsync("/cities/NO-4601"), "EC-P-EM-1C"));
        Assert.Equal("3 of 3|percentile 0 · median 3", Standing(await fixture.Hub.PageAsync("/cities/NO-9901"), "EC-P-EM-1C"));
        // Trondheim is the only city reporting internet access: ranked first of one, with no percentile.
        Assert.Equal("1 of 1|the only city reporting · median 95", Standing(await fixture.Hub.PageAsync("/cities/NO-5001"), "EC-ICT-ICT-1C"));
    }

    [Fact]
    public async Task The_values_show_unit_period_quality_source_and_verification_and_missing_ones_as_not_reported()
    {
        var html = await fixture.Hub.PageAsync("/cities/NO-5001");

        var row = Row(html, "EC-P-EM-1C");
        Assert.Contains("<span class=\"figure\">1.34</span> <span class=\"unit\">%</span>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2020</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td>measured</td>", row, StringComparison.Ordinal);
        Assert.Contains("Source: NAV register 2020", row, StringComparison.Ordinal);
        Assert.Contains("not verified", row, StringComparison.Ordinal);
        Assert.Contains("<td>no target</td>", row, StringComparison.Ordinal);
        Assert.Contains("95 % of target (100) · band 4", Row(html, "EC-ICT-ICT-1C"), StringComparison.Ordinal);

        Assert.Matches("SC-EH-ED-1C</span></th>\\s*<td colspan=\"7\" class=\"missing\">not reported</td>", html);
        Assert.Equal(KpiCatalogue.Default.All.Count - 2, Regex.Count(html, ">not reported</td>"));
    }

    [Fact]
    public async Task A_kpi_reported_for_two_periods_has_a_trend_with_its_numbers_in_text_and_no_embargoed_point()
    {
        var html = await fixture.Hub.PageAsync("/cities/NO-5001");

        var row = Row(html, "EC-P-EM-1C");
        Assert.Contains("<svg class=\"sparkline\"", row, StringComparison.Ordinal);
        Assert.Contains("<polyline points=\"3.0,3.0 93.0,25.0\"", row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"sub trend-words\">2019: 1.5, 2020: 1.34</span>", row, StringComparison.Ordinal);
        Assert.DoesNotContain("2021", row, StringComparison.Ordinal);
        Assert.Contains("one period", Row(html, "EC-ICT-ICT-1C"), StringComparison.Ordinal);

        // The 2019 view: the same trend, the value of 2019, its own snapshot.
        var earlier = await fixture.Hub.PageAsync("/cities/NO-5001?period=2019");
        Assert.Contains("<span class=\"figure\">1.5</span>", Row(earlier, "EC-P-EM-1C"), StringComparison.Ordinal);
        Assert.Contains("<dt>KPIs reported</dt><dd>1 of 91", earlier, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_snapshot_link_and_digest_are_those_the_api_stores()
    {
        var html = await fixture.Hub.PageAsync("/cities/NO-5001");
        var stored = await fixture.Hub.QueryAsync(db => Task.FromResult(db.Snapshots.Single(s => s.CityId == "NO-5001" && s.Period == 2020)));

        Assert.Contains($"<a href=\"/api/snapshots/{stored.SnapshotId}\">{stored.SnapshotId}</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<code class=\"digest\">{stored.Digest}</code>", html, StringComparison.Ordinal);
        using var client = fixture.Hub.CreateClient();
        using var snapshot = await client.GetAsync($"/api/snapshots/{stored.SnapshotId}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, snapshot.StatusCode);
    }

    [Fact]
    public async Task The_downloads_carry_the_citys_values_as_csv_and_xlsx()
    {
        var html = await fixture.Hub.PageAsync("/cities/NO-5001");
        var links = Download().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(
            ["/api/compare.csv?cities=NO-5001&period=2020&targetSet=definition-implied", "/api/compare.xlsx?cities=NO-5001&period=2020&targetSet=definition-implied"],
            links);

        using var client = fixture.Hub.CreateClient();
        using var csv = await client.GetAsync(links[0], TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("EC-P-EM-1C", text, StringComparison.Ordinal);
        Assert.Contains("1.34", text, StringComparison.Ordinal);
        Assert.Contains("EC-ICT-ICT-1C", text, StringComparison.Ordinal);
        Assert.DoesNotContain("77.125", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SC-EH-ED-1C", text, StringComparison.Ordinal); // not reported: no row, never a zero

        using var xlsx = await client.GetAsync(links[1], TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task An_anonymous_reader_sees_no_note_no_preliminary_value_and_no_preliminary_city_in_any_column()
    {
        var trondheim = await fixture.Hub.PageAsync("/cities/NO-5001");
        Assert.DoesNotContain("note-never-shown", trondheim, StringComparison.Ordinal);
        Assert.DoesNotContain("77.125", trondheim, StringComparison.Ordinal);
        Assert.DoesNotContain("draft", trondheim, StringComparison.Ordinal);
        Assert.DoesNotContain("of 4", trondheim, StringComparison.Ordinal); // Helsinki's preliminary value is in no rank

        // Helsinki published only a preliminary snapshot: the public sees the city, but none of its values.
        var helsinki = await fixture.Hub.PageAsync("/cities/FI-091");
        Assert.Contains("Helsinki has published no values you may read yet.", helsinki, StringComparison.Ordinal);
        Assert.DoesNotContain("0.5", helsinki, StringComparison.Ordinal);
    }

    // The rank cell of a KPI's row: "rank|percentile and median".
    private static string Standing(string html, string kpi)
    {
        var match = StandingCell().Match(Row(html, kpi));
        Assert.True(match.Success, $"no standing in the row of {kpi}");
        return $"{match.Groups[1].Value}|{match.Groups[2].Value}";
    }

    private static string Row(string html, string kpi)
    {
        var start = html.IndexOf($"<span class=\"code\">{kpi}</span>", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no row for {kpi}");
        var end = html.IndexOf("</tr>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(html[start..end]);
    }

    [GeneratedRegex("<td><span class=\"rank\">([^<]+)</span><span class=\"sub\">([^<]+)</span></td>")]
    private static partial Regex StandingCell();

    [GeneratedRegex("<a class=\"button\" href=\"([^\"]+)\" download")]
    private static partial Regex Download();
}
