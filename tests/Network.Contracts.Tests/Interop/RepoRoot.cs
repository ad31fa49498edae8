namespace Network.Contracts.Tests.Interop;

/// <summary>The repository's root folder: the nearest folder above the test binaries that holds <c>Network.sln</c>.</summary>
internal static class RepoRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path under the root, from segments such as <c>"contracts", "README.md"</c>.</summary>
    public static string Combine(params string[] segments) => System.IO.Path.Combine([Path, .. segments]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Network.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Network.sln.");
    }
}
