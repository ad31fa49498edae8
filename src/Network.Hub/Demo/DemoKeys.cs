using Network.Contracts.Signing;

namespace Network.Hub.Demo;

/// <summary>
/// The demo members' private keys, kept between runs in the hub's data folder as a real node or verifier keeps its own
/// (readable by the owner only), so a restart signs with the keys registered before.
/// </summary>
internal static class DemoKeys
{
    /// <summary>The key stored as <c>&lt;name&gt;.private.jwk.json</c> in <paramref name="directory"/>, made on first use.</summary>
    public static async Task<CityKeyPair> LoadOrCreateAsync(string directory, string name, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{name}.private.jwk.json");
        if (File.Exists(file))
        {
            return CityKeyPair.FromPrivateJwk(await File.ReadAllTextAsync(file, ct));
        }

        var keys = CityKeyPair.Generate();
        await File.WriteAllTextAsync(file, keys.ToPrivateJwk(), ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return keys;
    }
}
