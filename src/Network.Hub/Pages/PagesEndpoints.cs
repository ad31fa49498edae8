namespace Network.Hub.Pages;

/// <summary>
/// The hub's pages for people (<c>/cities</c>, <c>/cities/{cityId}</c>): Razor components rendered on the server, statically,
/// with one style sheet the hub serves itself and no script, so the hub's strict Content-Security-Policy holds.
/// </summary>
public static class PagesEndpoints
{
    /// <summary>Where the pages' one style sheet is served.</summary>
    public const string StylePath = "/pages.css";

    /// <summary>Registers the Razor components (static server rendering only) and the antiforgery services they require.</summary>
    public static IHostApplicationBuilder AddPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddScoped<CityPagesReader>();
        return builder;
    }

    /// <summary>Maps the pages and their style sheet; call after <c>UseIdentity</c>, which puts routing and authorization in place.</summary>
    public static WebApplication MapPages(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet(StylePath, () => TypedResults.Text(Style, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>The pages' style sheet: a file of its own, since the policy allows no inline style.</summary>
    public const string Style = """
        body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem; color: #1b1b1b; }
        header { margin-bottom: 1rem; }
        table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
        th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        td.number { text-align: right; font-variant-numeric: tabular-nums; }
        .missing { color: #767676; font-style: italic; }
        .profile { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
        svg.wheel { width: 28rem; max-width: 100%; height: auto; }
        .band-4 { fill: #1a9850; } .band-3 { fill: #91cf60; } .band-2 { fill: #fee08b; } .band-1 { fill: #d73027; }
        .band-none { fill: #d9d9d9; }
        .dimension { fill: #ffffff; stroke: #333; }
        svg.wheel path { stroke: #ffffff; stroke-width: 1; }
        svg.wheel text { font-size: 9px; text-anchor: middle; }
        """;
}
