namespace Network.Contracts.Verification;

/// <summary>
/// How rejections name a place in the header or payload: <c>$.values[3].unit</c>, with bracket notation
/// (<c>$['odd.name']</c>) for a member whose name is not a plain identifier, so every path reads back unambiguously.
/// </summary>
internal static class JsonPath
{
    /// <summary>The path of member <paramref name="name"/> of the object at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? $"{parent}.{name}"
            : $"{parent}['{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}']";
}
