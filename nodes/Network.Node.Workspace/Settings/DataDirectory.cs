namespace Network.Node.Workspace.Settings;

/// <summary>
/// The node's data directory and what it holds: <c>node.json</c> (settings), <c>node.db</c> (SQLite: drafts,
/// snapshots, outbox, answers), <c>keys/</c> (the city's key pairs as JWK files, private ones readable by the
/// owner only) and <c>enrollment.jws</c> (the request to join the network).
/// </summary>
/// <param name="Path">The directory, as given.</param>
public sealed record DataDirectory(string Path)
{
    /// <summary>The environment variable naming the data directory when <c>--data</c> is not given.</summary>
    public const string EnvironmentVariable = "NETWORK_NODE_DATA";

    /// <summary>The directory used when neither <c>--data</c> nor the environment variable names one.</summary>
    public const string DefaultName = "node-data";

    /// <summary>The settings file.</summary>
    public string SettingsFile => System.IO.Path.Combine(Path, NodeSettings.FileName);

    /// <summary>The SQLite database.</summary>
    public string DatabaseFile => System.IO.Path.Combine(Path, "node.db");

    /// <summary>The key files.</summary>
    public string KeysDirectory => System.IO.Path.Combine(Path, "keys");

    /// <summary>The signed enrollment request <c>init</c> writes (and <c>enroll</c> posts): the city's public key, signed with it.</summary>
    public string EnrollmentFile => System.IO.Path.Combine(Path, "enrollment.jws");

    /// <summary>Whether <c>init</c> has run here.</summary>
    public bool IsInitialised => File.Exists(SettingsFile);

    /// <summary><paramref name="option"/> if given, else <see cref="EnvironmentVariable"/>, else <c>./node-data</c>.</summary>
    public static DataDirectory Resolve(string? option) =>
        new(!string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultName);
}
