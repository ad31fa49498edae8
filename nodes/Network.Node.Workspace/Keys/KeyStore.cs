using Network.Contracts.Signing;

namespace Network.Node.Workspace.Keys;

/// <summary>
/// The city's key pairs on disk: <c>&lt;kid&gt;.private.jwk.json</c> (mode 600: only the node's user can read it)
/// and <c>&lt;kid&gt;.public.jwk.json</c>. Keys are only ever added: after a rotation the old key stays beside the
/// new one, so snapshots signed with it can still be explained, and the node keeps signing with it until the new
/// one is activated.
/// </summary>
public sealed class KeyStore(string directory)
{
    private const string PrivateSuffix = ".private.jwk.json";
    private const string PublicSuffix = ".public.jwk.json";

    /// <summary>The directory the key files are in.</summary>
    public string Directory { get; } = directory;

    /// <summary>Makes a new P-256 key pair, writes both files and returns them.</summary>
    public NodeKey Create()
    {
        EnsureDirectory();
        using var pair = CityKeyPair.Generate();
        var privateFile = Path.Combine(Directory, pair.KeyId + PrivateSuffix);
        var publicFile = Path.Combine(Directory, pair.KeyId + PublicSuffix);
        WritePrivate(privateFile, pair.ToPrivateJwk());
        var publicJwk = pair.PublicJwk.ToJson(pair.KeyId);
        File.WriteAllText(publicFile, publicJwk + "\n");
        return new NodeKey(pair.KeyId, privateFile, publicFile, publicJwk, File.GetLastWriteTimeUtc(privateFile));
    }

    /// <summary>Every key the node holds, oldest first.</summary>
    public IReadOnlyList<NodeKey> List() =>
        !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory, "*" + PrivateSuffix)
                .Select(f => Path.GetFileName(f)[..^PrivateSuffix.Length])
                .Select(Find)
                .OfType<NodeKey>()
                .OrderBy(k => k.CreatedAt)
                .ThenBy(k => k.KeyId, StringComparer.Ordinal)
                .ToList();

    /// <summary>The key with this id, or <see langword="null"/> if the node has none.</summary>
    public NodeKey? Find(string keyId)
    {
        var privateFile = Path.Combine(Directory, keyId + PrivateSuffix);
        var publicFile = Path.Combine(Directory, keyId + PublicSuffix);
        if (keyId.Length == 0 || keyId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || keyId.Contains("..", StringComparison.Ordinal) || !File.Exists(privateFile))
        {
            return null;
        }

        var publicJwk = File.Exists(publicFile) ? File.ReadAllText(publicFile).Trim() : "";
        return new NodeKey(keyId, privateFile, publicFile, publicJwk, File.GetLastWriteTimeUtc(privateFile));
    }

    /// <summary>Loads the key pair with this id, for signing. The caller disposes it.</summary>
    /// <exception cref="FileNotFoundException">The node has no key with this id.</exception>
    /// <exception cref="FormatException">The key file is damaged.</exception>
    public CityKeyPair Load(string keyId)
    {
        var key = Find(keyId) ?? throw new FileNotFoundException($"The node has no key '{keyId}' in {Directory}.");
        return CityKeyPair.FromPrivateJwk(File.ReadAllText(key.PrivateKeyFile));
    }

    private void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
            return;
        }

        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    // Created with mode 600 from the first byte (no moment where another user could open it), and set again
    // explicitly in case the file system ignored the creation mode.
    private static void WritePrivate(string path, string jwk)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            file.Write(jwk);
            file.Write('\n');
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
