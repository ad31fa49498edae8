using Network.Hub.Pages.Compare;
using Network.Hub.Pages.Desk.Analyst;
using Network.Hub.Pages.Desk.Coordinator;
using Network.Hub.Pages.Desk.Verifier;
using Network.Hub.Pages.Partners;
using Network.Hub.Pages.Profile;
using Network.Hub.People;

namespace Network.Hub.Pages.Layout;

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
        builder.Services.AddScoped<PartnersReader>();
        builder.Services.AddScoped<CompareReader>();
        builder.Services.AddCoordinatorPages();
        builder.Services.AddScoped<VerifierDeskReader>().AddScoped<CityDeskReader>();
        return builder;
    }

    /// <summary>Maps the pages and their style sheet; call after <c>UseIdentity</c>, which puts routing and authorization in place.</summary>
    public static WebApplication MapPages(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet(StylePath, () => TypedResults.Text(PageStyles.Sheet, "text/css; charset=utf-8")).ExcludeFromDescription();
        app.MapPeopleEndpoints();
        app.MapVerdictForm();
        app.MapRazorComponents<App>();
        return app;
    }
}
