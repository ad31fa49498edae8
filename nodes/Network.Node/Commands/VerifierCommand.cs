using System.CommandLine;
using Network.Node.Cli;
using Network.Node.Workspace;
using Network.Node.Workspace.Settings;
using Network.Node.Workspace.Verification;

namespace Network.Node.Commands;

/// <summary>
/// <c>verifier init | sheet SNAPSHOT-ID | attest FILE</c>: a U4SSC verifier's work with the same program, in a workspace
/// of its own (its own <c>--data</c> directory): its key, fetching a snapshot's verdict sheet, and signing the filled
/// sheet as an attestation that goes to the hub with the sheet's questions for the city.
/// </summary>
internal static class VerifierCommand
{
    public static Command Create(Terminal terminal) =>
        new("verifier", "A U4SSC verifier's work, in a workspace of its own: set it up, fetch a snapshot's verdict sheet, sign the filled sheet.")
        {
            Init(terminal), Sheet(terminal), Attest(terminal),
        };

    private static Command Init(Terminal terminal)
    {
        var id = new Option<string>("--id") { Description = "The verifier id the network knows you by, e.g. demo-verifier.", Required = true };
        var name = new Option<string>("--name") { Description = "The organisation's name.", Required = true };
        var url = new Option<string>("--hub-url") { Description = "The hub's address.", DefaultValueFactory = _ => new HubSettings().Url.ToString(), HelpName = "URL" };
        var clientId = new Option<string?>("--client-id") { Description = "The verifier's OAuth client id at the hub (verifier-<id>), if you have it already." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "Its secret (or set Network__Node__Hub__ClientSecret instead)." };
        var contact = new Option<string?>("--contact") { Description = "An e-mail address the network coordinator can reach you at to confirm your accreditation, for the enrollment request.", HelpName = "EMAIL" };
        var command = new Command("init", "Set up a verifier's workspace: a new signing key, settings and the signed request to join the network.")
        {
            id, name, url, clientId, clientSecret, contact,
        };
        command.SetAction(async (result, ct) =>
        {
            if (!Uri.TryCreate(result.GetValue(url), UriKind.Absolute, out var hub) || (hub.Scheme != Uri.UriSchemeHttp && hub.Scheme != Uri.UriSchemeHttps))
            {
                terminal.Fail($"'{result.GetValue(url)}' is not the hub's address: give an http or https URL, e.g. https://hub.example.org.");
                return ExitCodes.Usage;
            }

            var settings = new NodeSettings
            {
                VerifierId = result.GetValue(id)!.Trim(),
                Name = result.GetValue(name)!.Trim(),
                Hub = new HubSettings { Transport = HubTransport.Http, Url = hub, ClientId = result.GetValue(clientId), ClientSecret = result.GetValue(clientSecret) },
            };
            var directory = NodeOptions.Directory(result);
            var (workspace, key) = await NodeWorkspace.InitialiseVerifierAsync(directory, settings, ct: ct);
            workspace.WriteEnrollmentRequest(result.GetValue(contact));
            var o = terminal.Out;
            await o.WriteLineAsync($"Set up the workspace of the verifier {settings.Name} ({settings.VerifierId}) in {Shell.Path(directory.Path)}.");
            await o.WriteLineAsync();
            await o.WriteLineAsync($"  signing key  {key.KeyId}");
            await o.WriteLineAsync($"  private key  {Shell.Path(key.PrivateKeyFile)}  (readable by you only; it never leaves this machine)");
            await o.WriteLineAsync($"  public key   {Shell.Path(key.PublicKeyFile)}");
            await o.WriteLineAsync($"  enrollment   {Shell.Path(directory.EnrollmentFile)}  (the request to join, signed with the key)");
            await o.WriteLineAsync();
            await o.WriteLineAsync("The verifier's public key (JWK):");
            await o.WriteLineAsync(key.PublicJwk);
            await o.WriteLineAsync();
            await o.WriteLineAsync("Ask to join the network: `enroll` sends the enrollment request to the hub, where the network coordinator");
            await o.WriteLineAsync("confirms your accreditation, approves it, gives you your client id and secret and assigns you to the cities");
            await o.WriteLineAsync($"you verify. Keep them with `credentials --client-id verifier-{settings.VerifierId} --client-secret ...`, then");
            await o.WriteLineAsync("`verifier sheet SNAPSHOT-ID`.");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Sheet(Terminal terminal)
    {
        var snapshot = new Argument<Guid>("SNAPSHOT-ID") { Description = "The snapshot to judge (a snapshot of a city you are assigned to)." };
        var format = new Option<string>("--format") { Description = "csv or xlsx.", DefaultValueFactory = _ => "xlsx" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "Where to write the sheet (default: the hub's file name, here).", HelpName = "FILE" };
        var command = new Command("sheet", "Fetch a snapshot's verdict sheet from the hub, prefilled with its values, to fill in.") { snapshot, format, output };
        command.SetAction(async (result, ct) =>
        {
            var workspace = await OpenVerifierAsync(result, ct);
            using var hub = workspace.OpenHubSession();
            var id = result.GetValue(snapshot);
            var kind = result.GetValue(format)!;
            try
            {
                var (sheet, failure) = await new VerifierDesk(workspace, hub).SheetAsync(id, kind, ct);
                if (sheet is null)
                {
                    terminal.Fail(failure!);
                    return ExitCodes.Failed;
                }

                var path = result.GetValue(output) ?? $"verdicts-{id:N}.{kind}";
                await File.WriteAllBytesAsync(path, sheet, ct);
                await terminal.Out.WriteLineAsync($"Wrote the verdict sheet of snapshot {id} to {Shell.Path(path)}.");
                await terminal.Out.WriteLineAsync($"Fill in verdict ({string.Join(", ", Network.Contracts.Attestations.AttestationFormat.Outcomes)}), reason and question; then `verifier attest {Shell.Quote(Shell.Path(path))} --method \"...\"`.");
                return ExitCodes.Ok;
            }
            catch (HubCallException e)
            {
                terminal.Fail(e.Message);
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command Attest(Terminal terminal)
    {
        var file = new Argument<string>("FILE") { Description = "The filled verdict sheet (.csv or .xlsx)." };
        var method = new Option<string>("--method") { Description = "How the values were checked, e.g. \"U4SSC KPI verification (ITU, 2022)\".", Required = true };
        var report = new Option<string?>("--report-ref") { Description = "The Verification Report this attestation summarises, if any." };
        var command = new Command("attest", "Sign a filled verdict sheet as an attestation, send it to the hub, and post the sheet's questions to the city.") { file, method, report };
        command.SetAction(async (result, ct) =>
        {
            var workspace = await OpenVerifierAsync(result, ct);
            var methodText = result.GetValue(method)!.Trim();
            if (methodText.Length is 0 or > 4000)
            {
                terminal.Fail("--method says how the values were checked: 1 to 4,000 characters.");
                return ExitCodes.Usage;
            }

            using var hub = workspace.OpenHubSession();
            var path = result.GetValue(file)!;
            AttestOutcome outcome;
            try
            {
                outcome = await new VerifierDesk(workspace, hub).AttestAsync(path, methodText, result.GetValue(report), ct);
            }
            catch (HubCallException e)
            {
                terminal.Fail(e.Message);
                return ExitCodes.Failed;
            }

            return await ReportAsync(terminal, path, outcome);
        });
        return command;
    }

    private static async Task<int> ReportAsync(Terminal terminal, string path, AttestOutcome outcome)
    {
        if (outcome.SheetErrors.Count > 0)
        {
            terminal.Fail($"{Shell.Path(path)} has {outcome.SheetErrors.Count} error(s); nothing was signed or sent:");
            foreach (var error in outcome.SheetErrors)
            {
                await terminal.Error.WriteLineAsync($"  {error}");
            }

            return ExitCodes.Failed;
        }

        if (outcome.Jws is { } jws)
        {
            // The verifier keeps what it signed, as a city node keeps its snapshots.
            var kept = Path.ChangeExtension(path, null) + ".attestation.jws";
            await File.WriteAllTextAsync(kept, jws + "\n");
            await terminal.Out.WriteLineAsync($"Signed attestation {outcome.AttestationId} ({outcome.Verdicts} verdict(s)) of snapshot {outcome.Snapshot!.SnapshotId} ({outcome.Snapshot.CityId} {outcome.Snapshot.Period}); kept in {Shell.Path(kept)}.");
        }

        if (outcome.Failure is { } failure)
        {
            terminal.Fail(failure);
            return ExitCodes.Failed;
        }

        if (!outcome.Accepted)
        {
            terminal.Fail("The hub refused the attestation; nothing was stored:");
            foreach (var rejection in outcome.Rejections)
            {
                await terminal.Error.WriteLineAsync($"  {rejection}");
            }

            return ExitCodes.Failed;
        }

        await terminal.Out.WriteLineAsync(outcome.Duplicate ? "The hub held this attestation already." : "The hub accepted the attestation.");
        foreach (var question in outcome.QuestionsAsked)
        {
            await terminal.Out.WriteLineAsync($"  asked {outcome.Snapshot!.CityId} about {QuestionDesk.Describe(question.Kpi, question.DataPoint)}");
        }

        foreach (var failed in outcome.QuestionFailures)
        {
            terminal.Fail("question not posted: " + failed);
        }

        return outcome.Done ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async Task<NodeWorkspace> OpenVerifierAsync(ParseResult result, CancellationToken ct)
    {
        var workspace = await NodeOptions.OpenAsync(result, ct);
        return workspace.Settings.VerifierId is null
            ? throw new NodeSetupException("This is a city's node, not a verifier's workspace: set one up with `verifier init --id ... --name ...` in its own --data directory.")
            : workspace;
    }
}
