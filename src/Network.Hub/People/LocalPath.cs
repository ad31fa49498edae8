namespace Network.Hub.People;

/// <summary>A return address taken from a query or form: only a path on this hub, never another site.</summary>
public static class LocalPath
{
    /// <summary><paramref name="returnUrl"/> when it is a local path (<c>/desk</c>), otherwise <c>/cities</c>, the network page.</summary>
    public static string OrHome(string? returnUrl) => IsLocal(returnUrl) ? returnUrl! : "/cities";

    /// <summary>Whether <paramref name="url"/> is a path on this hub: one leading slash, no scheme, no <c>//</c> or <c>/\</c>, at most 500 characters.</summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 and <= 500 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal) && !url.Any(char.IsControl);
}
