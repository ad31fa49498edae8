using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Network.Hub.Hosting;

/// <summary>
/// Headers every response carries, whatever answers it (an endpoint, an error page, a 401 from the token validation):
/// no MIME sniffing, no framing, no referrer, and a Content-Security-Policy that allows the hub's own pages exactly:
/// their inline style and script elements by hash, style sheets and requests from the hub itself, nothing from anywhere else.
/// </summary>
public static partial class SecurityHeaders
{
    /// <summary>
    /// The policy for pages whose only inline content is in <paramref name="pages"/>: each inline <c>&lt;script&gt;</c>
    /// and <c>&lt;style&gt;</c> element is allowed by its SHA-256 hash, so nothing injected into a page could run.
    /// </summary>
    public static string ContentSecurityPolicy(params IEnumerable<string> pages)
    {
        var scripts = new SortedSet<string>(StringComparer.Ordinal);
        var styles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in pages)
        {
            foreach (Match element in InlineElement().Matches(page))
            {
                (element.Groups["tag"].Value == "script" ? scripts : styles).Add(Hash(element.Groups["body"].Value));
            }
        }

        return string.Join("; ",
            "default-src 'none'",
            "script-src " + Sources(scripts),
            // The pages' one style sheet is the hub's own file (Pages/PagesEndpoints.StylePath): same origin, nothing inline.
            "style-src 'self'" + (styles.Count == 0 ? string.Empty : " " + string.Join(' ', styles)),
            "img-src 'self'",
            "connect-src 'self'",
            "form-action 'self'",
            "base-uri 'none'",
            "frame-ancestors 'none'");
    }

    /// <summary>Adds the headers to every response; call first, so error responses carry them too.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string contentSecurityPolicy) =>
        app.Use((context, next) =>
        {
            // On starting, not now: the exception handler clears the headers of a response it replaces.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (!headers.ContainsKey("Content-Security-Policy"))
                {
                    headers.ContentSecurityPolicy = contentSecurityPolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>
    /// The CSP source of inline content: <c>'sha256-…'</c> of its text (UTF-8) as browsers hash it, after the HTML
    /// parser turned every CR LF and CR into LF (a page built from a checkout with Windows line ends still matches).
    /// </summary>
    public static string Hash(string inlineContent)
    {
        ArgumentNullException.ThrowIfNull(inlineContent);
        var text = inlineContent.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        return "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "'";
    }

    private static string Sources(SortedSet<string> hashes) => hashes.Count == 0 ? "'none'" : string.Join(' ', hashes);

    [GeneratedRegex(@"<(?<tag>script|style)(?:\s[^>]*)?>(?<body>.*?)</\k<tag>>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineElement();
}
