using Network.Node.Cli;
using Network.Node.Tests.Support;
using Network.Node.Workspace.Settings;

namespace Network.Node.Tests.Cli;

/// <summary>
/// The verifier's commands and the city's question commands as typed: set-up, the refusals that need no hub, and the
/// sheet's errors reported before anything is signed. The work with a hub is in Verification/VerifierWorkTests.
/// </summary>
public sealed class VerificationCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Verifier_init_sets_up_a_verifiers_workspace_with_its_own_key()
    {
        var verifier = new NodeCommandLine(_directory.File("verifier"));

        var result = (await verifier.RunAsync("verifier", "init", "--id", "demo-verifier", "--name", "Demo Verifier", "--hub-url", "https://hub.example.org")).Expect(ExitCodes.Ok);

        var settings = NodeSettings.Load(new DataDirectory(verifier.DataDirectory).SettingsFile);
        Assert.Equal(("demo-verifier", "Demo Verifier", "", HubTransport.Http), (settings.VerifierId, settings.Name, settings.CityId, settings.Hub.Transport));
        Assert.Contains(settings.ActiveKeyId, result.Output, StringComparison.Ordinal);
        Assert.Contains("credentials --client-id verifier-", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_verifier_id_that_is_no_verifier_id_is_refused()
    {
        var result = (await new NodeCommandLine(_directory.File("verifier")).RunAsync("verifier", "init", "--id", "Demo Verifier", "--name", "Demo")).Expect(ExitCodes.Usage);

        Assert.Contains("'Demo Verifier' is not a verifier id", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citys_node_is_no_verifier_and_a_verifier_answers_no_question()
    {
        var city = new NodeCommandLine(_directory.File("node"));
        (await city.RunAsync("init", "--city", "NO-5001", "--name", "Trondheim")).Expect(ExitCodes.Ok);
        var verifier = new NodeCommandLine(_directory.File("verifier"));
        (await verifier.RunAsync("verifier", "init", "--id", "demo-verifier", "--name", "Demo Verifier")).Expect(ExitCodes.Ok);

        var attest = (await city.RunAsync("verifier", "attest", "sheet.csv", "--method", "U4SSC")).Expect(ExitCodes.Usage);
        var answer = (await verifier.RunAsync("answer", "--kpi", "EN-EN-AQ-2C", "--verifier", "demo-verifier", "2019.")).Expect(ExitCodes.Usage);

        Assert.Contains("This is a city's node, not a verifier's workspace", attest.Error, StringComparison.Ordinal);
        Assert.Contains("the city answers from its own node", answer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Questions_need_the_nodes_client_credentials_and_an_answer_needs_its_verifier()
    {
        var city = new NodeCommandLine(_directory.File("node"));
        (await city.RunAsync("init", "--city", "NO-5001", "--name", "Trondheim")).Expect(ExitCodes.Ok);

        var questions = (await city.RunAsync("questions")).Expect(ExitCodes.Usage);
        var answer = (await city.RunAsync("answer", "--kpi", "EN-EN-AQ-2C", "2019.")).Expect(ExitCodes.Usage);

        Assert.Contains("credentials --client-id", questions.Error, StringComparison.Ordinal);
        Assert.Contains("--verifier", answer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attest_lists_the_sheets_errors_by_line_and_signs_nothing()
    {
        var verifier = new NodeCommandLine(_directory.File("verifier"));
        (await verifier.RunAsync("verifier", "init", "--id", "demo-verifier", "--name", "Demo Verifier", "--hub-url", "http://127.0.0.1:9")).Expect(ExitCodes.Ok);
        (await verifier.RunAsync("credentials", "--client-id", "verifier-demo-verifier", "--client-secret", "s3cret")).Expect(ExitCodes.Ok);
        var sheet = ValueFileSamples.Csv(_directory, ValueFileSamples.Header, "EC-P-EM-1C,,1.34,%,measured,a,b,");

        var result = (await verifier.RunAsync("verifier", "attest", sheet, "--method", "U4SSC KPI verification")).Expect(ExitCodes.Failed);

        Assert.Contains("nothing was signed or sent", result.Error, StringComparison.Ordinal);
        Assert.Contains("snapshotId: The sheet does not say which snapshot it judges", result.Error, StringComparison.Ordinal);
        Assert.Contains("line 1, verdict: The header has no 'verdict' column", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_directory.Path, "*.attestation.jws"));
    }
}
