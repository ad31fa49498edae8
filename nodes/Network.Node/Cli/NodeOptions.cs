using System.CommandLine;
using Network.Node.Workspace;
using Network.Node.Workspace.Settings;

namespace Network.Node.Cli;

/// <summary>Options every command shares, and opening the node they name.</summary>
internal static class NodeOptions
{
    /// <summary><c>--data DIR</c>: the node's data directory, on every command.</summary>
    public static Option<string?> Data { get; } = new("--data")
    {
        Description = $"The node's data directory (default: ${DataDirectory.EnvironmentVariable}, else ./{DataDirectory.DefaultName}).",
        Recursive = true,
        HelpName = "DIR",
    };

    public static DataDirectory Directory(ParseResult result) => DataDirectory.Resolve(result.GetValue(Data));

    /// <summary>Opens the node, with node.json's settings overridden by the environment.</summary>
    public static Task<NodeWorkspace> OpenAsync(ParseResult result, CancellationToken ct)
    {
        var directory = Directory(result);
        return NodeWorkspace.OpenAsync(directory, directory.IsInitialised ? NodeConfiguration.Load(directory) : null, ct: ct);
    }
}
