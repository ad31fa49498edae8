using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Workspace.Enrollment;

namespace Network.Node.Commands;

/// <summary>
/// <c>enroll --hub URL</c>: asks the hub to let the city (or, in a verifier's workspace, the verifier) join with its key:
/// the signed request <c>init</c> or <c>verifier init</c> wrote.
/// </summary>
internal static class EnrollCommand
{
    public static Command Create(Terminal terminal)
    {
        var hub = new Option<Uri?>("--hub")
        {
            Description = "The hub's address (default: hub:url of node.json).",
            HelpName = "URL",
            CustomParser = r =>
            {
                var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
                {
                    return parsed;
                }

                r.AddError($"'{text}' is not the hub's address: give an http or https URL, e.g. https://hub.example.org.");
                return null;
            },
        };
        var contact = new Option<string?>("--contact") { Description = "Write a new request with this contact address first.", HelpName = "EMAIL" };
        var command = new Command("enroll", "Ask the hub to let the city (or the verifier, in a verifier's workspace) join with its signing key; a network coordinator approves it.") { hub, contact };
        command.SetAction(async (result, ct) =>
        {
            var node = await NodeOptions.OpenAsync(result, ct);
            var address = result.GetValue(hub) ?? node.Settings.Hub.Url;
            var jws = node.EnrollmentRequestFor(result.GetValue(contact));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(node.Settings.Delivery.SendTimeoutSeconds) };
            var outcome = await new EnrollmentClient(http).SendAsync(address, jws, ct);
            var o = terminal.Out;
            if (!outcome.Received)
            {
                terminal.Fail($"The enrollment request was not taken: {outcome.Failure}.");
                foreach (var problem in outcome.Problems)
                {
                    await terminal.Error.WriteLineAsync($"  {problem}");
                }

                return ExitCodes.Failed;
            }

            var verifierId = node.Settings.VerifierId;
            var member = verifierId is null ? $"{node.Settings.Name} ({node.Settings.CityId})" : $"the verifier {node.Settings.Name} ({verifierId})";
            await o.WriteLineAsync($"{(outcome.Duplicate ? "The hub already holds" : "The hub took")} the request of {member} to join with key {node.Settings.ActiveKeyId}.");
            await o.WriteLineAsync();
            await o.WriteLineAsync($"  hub            {address}");
            await o.WriteLineAsync($"  enrollment id  {outcome.EnrollmentId}");
            await o.WriteLineAsync("  status         pending");
            await o.WriteLineAsync();
            if (verifierId is null)
            {
                await o.WriteLineAsync("A network coordinator confirms the request with you and approves it. The approval gives the node's client id");
                await o.WriteLineAsync($"and secret; keep them with: credentials --client-id node-{node.Settings.CityId} --client-secret <secret>");
            }
            else
            {
                await o.WriteLineAsync("A network coordinator confirms your accreditation with you, approves the request and assigns you to the");
                await o.WriteLineAsync($"cities you verify. The approval gives your client id and secret; keep them with: credentials --client-id verifier-{verifierId} --client-secret <secret>");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
