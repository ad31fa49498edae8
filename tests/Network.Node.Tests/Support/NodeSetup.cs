using Network.Contracts.Signing;
using Network.Node.Workspace;
using Network.Node.Workspace.Settings;
using Network.Testing.Hub;

namespace Network.Node.Tests.Support;

/// <summary>Setting up a node for a test, and registering its city and key with a hub under test.</summary>
public static class NodeSetup
{
    /// <summary>Trondheim's node in <paramref name="directory"/>, delivering as <paramref name="hub"/> says.</summary>
    public static async Task<NodeWorkspace> TrondheimAsync(string directory, Action<HubSettings>? hub = null, Action<DeliverySettings>? delivery = null)
    {
        var settings = new NodeSettings { CityId = "NO-5001", Name = "Trondheim" };
        hub?.Invoke(settings.Hub);
        delivery?.Invoke(settings.Delivery);
        var (node, _) = await NodeWorkspace.InitialiseAsync(new DataDirectory(directory), settings);
        return node;
    }

    /// <summary>
    /// Registers the node's city and its active key with the hub, as the coordinator's <c>cities add</c> does, and gives
    /// the node its OAuth client (in its settings and node.json), as an approved enrollment does.
    /// </summary>
    public static async Task RegisterAsync(HubFactory hub, NodeWorkspace node)
    {
        var key = node.Keys.Find(node.Settings.ActiveKeyId)!;
        await hub.WithServicesAsync(async services =>
        {
            var registry = services.GetService(typeof(Network.Hub.Keys.KeyRegistry)) as Network.Hub.Keys.KeyRegistry
                ?? throw new InvalidOperationException("The hub has no key registry.");
            await registry.AddOrUpdateCityAsync(node.Settings.CityId, node.Settings.Name);
            await registry.RegisterKeyAsync(node.Settings.CityId, EcPublicJwk.Parse(key.PublicJwk), key.KeyId, DateTimeOffset.UnixEpoch);
        });
        var client = await hub.AddNodeClientAsync(node.Settings.CityId);
        node.Settings.Hub.ClientId = client.ClientId;
        node.Settings.Hub.ClientSecret = client.ClientSecret;
        var stored = NodeSettings.Load(node.Directory.SettingsFile);
        stored.Hub.ClientId = client.ClientId;
        stored.Hub.ClientSecret = client.ClientSecret;
        stored.Save(node.Directory.SettingsFile);
    }

    /// <summary>Revokes a key in the hub's registry, as the coordinator's <c>keys revoke</c> does.</summary>
    public static Task RevokeAsync(HubFactory hub, string keyId) =>
        hub.WithServicesAsync(async services =>
        {
            var registry = (Network.Hub.Keys.KeyRegistry)services.GetService(typeof(Network.Hub.Keys.KeyRegistry))!;
            await registry.RevokeKeyAsync(keyId);
        });
}
