using System.Text;

namespace Network.Hub.Pages.Layout;

/// <summary>
/// The pages' one style sheet: every <c>Pages/Styles/*.css</c> file, embedded in the assembly and joined in the order
/// of their names, so each feature keeps its rules in a file of its own and the browser still makes one request.
/// A file of its own rather than inline style because the hub's Content-Security-Policy allows none.
/// </summary>
public static class PageStyles
{
    private const string ResourcePrefix = "Network.Hub.Pages.Styles.";

    /// <summary>The joined style sheet, read once.</summary>
    public static string Sheet { get; } = Read();

    private static string Read()
    {
        var assembly = typeof(PageStyles).Assembly;
        var sheet = new StringBuilder();
        foreach (var name in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".css", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!, Encoding.UTF8);
            sheet.Append(reader.ReadToEnd()).Append('\n');
        }

        return sheet.ToString();
    }
}
