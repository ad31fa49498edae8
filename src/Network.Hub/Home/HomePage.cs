using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Contracts.Catalogue;
using Network.Hub.Hosting;

namespace Network.Hub.Home;

/// <summary><c>GET /</c>: a plain page listing the endpoints the hub serves, with links.</summary>
public static class HomePage
{
    /// <summary>Maps <c>GET /</c>.</summary>
    public static IEndpointRouteBuilder MapHomePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetHomePage).WithSummary("This page: the hub's endpoints, with links");
        return app;
    }

    /// <summary>The home page as HTML.</summary>
    public static ContentHttpResult GetHomePage(EndpointDataSource endpoints, KpiCatalogue catalogue) =>
        TypedResults.Content(Render(ListedEndpoint.From(endpoints), catalogue), "text/html; charset=utf-8");

    /// <summary>The page for a hub serving <paramref name="endpoints"/>: self-contained, no scripts, no external resources.</summary>
    public static string Render(IReadOnlyList<ListedEndpoint> endpoints, KpiCatalogue catalogue)
    {
        var html = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        html.Append(Head);
        html.AppendLine("<body>");
        html.AppendLine("<header>");
        html.AppendLine("<h1>Sustainability Network hub</h1>");
        html.AppendLine(culture, $"<p class=\"lead\">Cities compare themselves on the U4SSC Key Performance Indicators for Smart Sustainable Cities. Catalogue <code>{Encode(catalogue.Version)}</code>, {catalogue.All.Count} KPIs.</p>");
        html.AppendLine("</header>");
        html.AppendLine("<main>");
        html.AppendLine("<table>");
        html.AppendLine("<thead><tr><th>Method</th><th>Endpoint</th><th>What it answers</th></tr></thead>");
        html.AppendLine("<tbody>");
        foreach (var endpoint in endpoints)
        {
            var pattern = $"<code>{Encode(endpoint.Pattern)}</code>";
            html.AppendLine(culture, $"<tr><td class=\"method\">{endpoint.Method}</td><td>{(endpoint.IsPath ? Link(endpoint.Pattern, pattern) : pattern)}</td><td>{Encode(endpoint.Summary)}");
            if (endpoint.Examples.Count > 0)
            {
                var examples = endpoint.Examples.Select(e => Link(e, $"<code>{Encode(Uri.UnescapeDataString(e))}</code>"));
                html.AppendLine(culture, $"<div class=\"examples\">Try {string.Join(" · ", examples)}</div>");
            }

            html.AppendLine("</td></tr>");
        }

        html.AppendLine("</tbody>");
        html.AppendLine("</table>");
        html.AppendLine("</main>");
        html.AppendLine("</body>");
        html.AppendLine("</html>");
        return html.ToString();
    }

    private static string Link(string path, string innerHtml) => $"<a href=\"{Encode(path)}\">{innerHtml}</a>";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private const string Head = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sustainability Network hub</title>
        <style>
          :root { color-scheme: light dark; --accent: #1d6b4f; --muted: #5d6972; --line: #dde2e5; --code: #f3f5f6; }
          @media (prefers-color-scheme: dark) { :root { --accent: #74d3a6; --muted: #9ea9b1; --line: #353d43; --code: #22292e; } }
          body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 52rem; margin: 3rem auto; padding: 0 1.25rem; }
          h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
          .lead { color: var(--muted); margin: 0 0 2rem; }
          table { width: 100%; border-collapse: collapse; }
          th, td { text-align: left; padding: .65rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
          th { font-size: .75rem; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
          code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; background: var(--code); padding: .1em .35em; border-radius: 4px; }
          td.method { font: .8rem ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); padding-top: .85rem; }
          a { color: var(--accent); text-decoration: none; }
          a:hover code, a:focus code { text-decoration: underline; }
          .examples { margin-top: .35rem; font-size: .85rem; color: var(--muted); }
          .examples code { white-space: nowrap; }
        </style>
        </head>

        """;
}
