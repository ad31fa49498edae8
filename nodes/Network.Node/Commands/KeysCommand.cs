using System.CommandLine;
using Network.Node.Cli;

namespace Network.Node.Commands;

/// <summary><c>keys list | rotate | activate KID</c>: the city's signing keys.</summary>
internal static class KeysCommand
{
    public static Command Create(Terminal terminal)
    {
        var list = new Command("list", "List the node's keys and which one signs.");
        list.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            foreach (var key in node.Keys.List())
            {
                var active = key.KeyId == node.Settings.ActiveKeyId ? "  (signs new snapshots)" : "";
                await terminal.Out.WriteLineAsync($"{key.KeyId}  made {key.CreatedAt:yyyy-MM-dd HH:mm} UTC  {Shell.Path(key.PublicKeyFile)}{active}");
            }

            return ExitCodes.Ok;
        });

        var rotate = new Command("rotate", "Make a new key beside the current one; the node signs with the current key until `keys activate`.");
        rotate.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            var key = node.RotateKey();
            var o = terminal.Out;
            await o.WriteLineAsync($"Made a new key {key.KeyId} beside the current key {node.Settings.ActiveKeyId}.");
            await o.WriteLineAsync($"  private key  {Shell.Path(key.PrivateKeyFile)}  (readable by you only)");
            await o.WriteLineAsync($"  public key   {Shell.Path(key.PublicKeyFile)}");
            await o.WriteLineAsync();
            await o.WriteLineAsync("The new public key (JWK):");
            await o.WriteLineAsync(key.PublicJwk);
            await o.WriteLineAsync();
            await o.WriteLineAsync("1. Send the public key file to the network coordinator, who registers it with:");
            await o.WriteLineAsync("     " + Shell.HubCommand("keys", "add", "--city", node.Settings.CityId, "--jwk", Shell.Path(key.PublicKeyFile)));
            await o.WriteLineAsync($"2. Once it is registered, switch the node to it:  keys activate {key.KeyId}");
            await o.WriteLineAsync($"3. Then the coordinator may revoke the old key:  {Shell.HubCommand("keys", "revoke", "--kid", node.Settings.ActiveKeyId)}");
            await o.WriteLineAsync("Until step 2 the node keeps signing with the current key.");
            return ExitCodes.Ok;
        });

        var kid = new Argument<string>("KID") { Description = "The key id, as `keys list` shows it." };
        var activate = new Command("activate", "Sign new snapshots with this key (register it with the hub first).") { kid };
        activate.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            var previous = node.Settings.ActiveKeyId;
            var key = node.ActivateKey(result.GetValue(kid)!);
            await terminal.Out.WriteLineAsync(key.KeyId == previous
                ? $"The node already signs with {key.KeyId}."
                : $"The node now signs new snapshots with {key.KeyId} (was {previous}). Snapshots already in the outbox keep the signature they have.");
            return ExitCodes.Ok;
        });

        return new Command("keys", "The city's signing keys: list, rotate, activate.") { list, rotate, activate };
    }
}
