namespace Network.Node.Cli;

/// <summary>Command lines printed for someone to copy: arguments quoted for a POSIX shell when they need it.</summary>
internal static class Shell
{
    public static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or '@' or ',')
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>A path as the user would type it from here: relative when it lies below the current directory.</summary>
    public static string Path(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative) ? full : relative;
    }

    /// <summary>The hub command the network coordinator runs, from the repository root.</summary>
    public static string HubCommand(params string[] arguments) =>
        "dotnet run --project src/Network.Hub -- " + string.Join(' ', arguments.Select(Quote));
}
