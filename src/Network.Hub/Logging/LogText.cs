using System.Text;

namespace Network.Hub.Logging;

/// <summary>
/// Makes any text safe to put on one log line: every character that could end the line or move the cursor
/// (CR, LF and the other C0 controls, DEL, the C1 controls with NEL, the Unicode line and paragraph separators) and
/// the bidirectional overrides that can make a line read as something else are written as escapes (<c>\n</c>,
/// <c>\u2028</c>), so text a caller sent can never start a line of its own in the log.
/// </summary>
public static class LogText
{
    /// <summary>Whether <paramref name="c"/> is written as an escape.</summary>
    public static bool NeedsEscape(char c) =>
        char.IsControl(c) // C0 (incl. CR, LF, TAB, ESC), DEL, C1 (incl. NEL U+0085)
        || c is '\u2028' or '\u2029' // line and paragraph separators
        || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069'; // bidirectional embeddings, overrides and isolates

    /// <summary><paramref name="text"/> with every character of <see cref="NeedsEscape"/> escaped; the same instance when none is.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = -1;
        for (var i = 0; i < text.Length && first < 0; i++)
        {
            first = NeedsEscape(text[i]) ? i : -1;
        }

        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            Append(escaped, c);
        }

        return escaped.ToString();
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="writer"/> escaped as <see cref="Escape"/> does.</summary>
    public static void Write(TextWriter writer, ReadOnlySpan<char> text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text[i]))
            {
                writer.Write(text[start..i]);
                writer.Write(EscapeOf(text[i]));
                start = i + 1;
            }
        }

        writer.Write(text[start..]);
    }

    private static void Append(StringBuilder builder, char c)
    {
        if (NeedsEscape(c))
        {
            builder.Append(EscapeOf(c));
        }
        else
        {
            builder.Append(c);
        }
    }

    private static string EscapeOf(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        _ => $"\\u{(int)c:x4}",
    };
}
