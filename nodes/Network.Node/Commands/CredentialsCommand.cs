using System.CommandLine;
using Network.Node.Cli;

namespace Network.Node.Commands;

/// <summary><c>credentials --client-id ID --client-secret SECRET</c>: the node's OAuth client at the hub, for delivery over HTTPS.</summary>
internal static class CredentialsCommand
{
    public static Command Create(Terminal terminal)
    {
        var clientId = new Option<string?>("--client-id") { Description = "The client id the coordinator's approval gave, e.g. node-NO-5001." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Its secret (shown once by the approval)." };
        var command = new Command("credentials", "Keep the node's client id and secret at the hub (from the approval of its enrollment); without options, show the client id.")
        {
            clientId, clientSecret,
        };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            var (id, secret) = (result.GetValue(clientId), result.GetValue(clientSecret));
            if (id is null && secret is null)
            {
                await terminal.Out.WriteLineAsync(node.Settings.Hub.Credentials is { } current
                    ? $"The node uses the client {current.ClientId} at the hub (the secret is set, and never shown)."
                    : "The node has no client id and secret yet: `enroll`, and once the coordinator approves, `credentials --client-id ... --client-secret ...`.");
                return ExitCodes.Ok;
            }

            node.SetCredentials(id ?? "", secret ?? "");
            await terminal.Out.WriteLineAsync($"The node now gets its access tokens as {node.Settings.Hub.ClientId}; the secret is kept in {Shell.Path(node.Directory.SettingsFile)}, readable by you only.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
