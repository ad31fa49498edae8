using System.Text.Json;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Network.Node.Cli;
using Network.Node.Tests.Support;
using Network.Node.Workspace;
using Network.Node.Workspace.Delivery;
using Network.Node.Workspace.Settings;

namespace Network.Node.Tests.Cli;

/// <summary>The node's commands as an analyst runs them: what they print, what they leave on disk, their exit codes.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly NodeCommandLine _node;

    public CommandLineTests()
    {
        _node = new NodeCommandLine(_directory.File("node-data"));
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Init_sets_up_the_node_and_prints_the_public_key_and_the_coordinators_command()
    {
        var result = (await _node.RunAsync("init", "--city", "NO-5001", "--name", "Trondheim")).Expect(ExitCodes.Ok);

        var data = new DataDirectory(_node.DataDirectory);
        var settings = NodeSettings.Load(data.SettingsFile);
        Assert.Equal(("NO-5001", "Trondheim", HubTransport.RabbitMq), (settings.CityId, settings.Name, settings.Hub.Transport));
        Assert.True(File.Exists(data.DatabaseFile));
        var key = new Workspace.Keys.KeyStore(data.KeysDirectory).Find(settings.ActiveKeyId)!;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key.PrivateKeyFile));
        }

        using (var pair = CityKeyPair.FromPrivateJwk(File.ReadAllText(key.PrivateKeyFile)))
        {
            Assert.Equal(settings.ActiveKeyId, pair.PublicJwk.Thumbprint());
            Assert.Equal(pair.PublicJwk, EcPublicJwk.Parse(File.ReadAllText(key.PublicKeyFile)));
        }

        Assert.Contains(key.PublicJwk, result.Output, StringComparison.Ordinal);
        Assert.Contains($"dotnet run --project src/Network.Hub -- cities add --id NO-5001 --name Trondheim --jwk {Shell.Path(key.PublicKeyFile)}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\"", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(JsonDocument.Parse(File.ReadAllText(key.PrivateKeyFile)).RootElement.GetProperty("d").GetString()!, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_writes_the_enrollment_request_signed_with_the_new_key()
    {
        var result = (await _node.RunAsync("init", "--city", "NO-5001", "--name", "Trondheim", "--contact", "analyst@trondheim.kommune.no")).Expect(ExitCodes.Ok);

        var data = new DataDirectory(_node.DataDirectory);
        var request = Contracts.Enrollment.EnrollmentRequest.Read(File.ReadAllText(data.EnrollmentFile).Trim()).Request!;
        var settings = NodeSettings.Load(data.SettingsFile);
        Assert.Equal(("NO-5001", "Trondheim", "analyst@trondheim.kommune.no", settings.ActiveKeyId), (request.CityId, request.CityName, request.Contact, request.KeyId));
        Assert.Contains("enroll --hub URL", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_says_why_when_the_hub_cannot_be_reached()
    {
        await InitAsync();

        var result = (await _node.RunAsync("enroll", "--hub", "http://127.0.0.1:1/")).Expect(ExitCodes.Failed);

        Assert.Contains("error: The enrollment request was not taken: cannot reach the hub at http://127.0.0.1:1/", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_with_a_contact_writes_a_new_request_first()
    {
        await InitAsync();
        var file = new DataDirectory(_node.DataDirectory).EnrollmentFile;

        await _node.RunAsync("enroll", "--hub", "http://127.0.0.1:1/", "--contact", "it@trondheim.kommune.no");

        Assert.Equal("it@trondheim.kommune.no", Contracts.Enrollment.EnrollmentRequest.Read(File.ReadAllText(file).Trim()).Request!.Contact);
    }

    [Fact]
    public async Task Credentials_are_kept_readable_by_the_owner_only_and_the_secret_is_never_printed()
    {
        await InitAsync();

        var set = (await _node.RunAsync("credentials", "--client-id", "node-NO-5001", "--client-secret", "s3cret-value")).Expect(ExitCodes.Ok);
        var shown = (await _node.RunAsync("credentials")).Expect(ExitCodes.Ok);

        var file = new DataDirectory(_node.DataDirectory).SettingsFile;
        var settings = NodeSettings.Load(file);
        Assert.Equal(("node-NO-5001", "s3cret-value"), (settings.Hub.ClientId, settings.Hub.ClientSecret));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        Assert.Contains("node-NO-5001", shown.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", set.Output + shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_takes_the_hub_settings()
    {
        (await _node.RunAsync("init", "--city", "NO-3024", "--name", "Bærum", "--hub-transport", "http", "--hub-url", "https://hub.example.org/",
            "--rabbitmq-host", "broker", "--rabbitmq-port", "5673", "--rabbitmq-vhost", "network")).Expect(ExitCodes.Ok);

        var settings = NodeSettings.Load(new DataDirectory(_node.DataDirectory).SettingsFile);
        Assert.Equal(HubTransport.Http, settings.Hub.Transport);
        Assert.Equal(new Uri("https://hub.example.org/"), settings.Hub.Url);
        Assert.Equal(("broker", (ushort)5673, "network"), (settings.Hub.RabbitMq.Host, settings.Hub.RabbitMq.Port, settings.Hub.RabbitMq.VirtualHost));
    }

    [Fact]
    public async Task Init_never_overwrites_a_node()
    {
        await InitAsync();
        var before = File.ReadAllText(new DataDirectory(_node.DataDirectory).SettingsFile);

        var again = (await _node.RunAsync("init", "--city", "NO-4601", "--name", "Bergen")).Expect(ExitCodes.Usage);

        Assert.Contains("already holds the node of NO-5001; its key is never overwritten", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(new DataDirectory(_node.DataDirectory).SettingsFile));
    }

    [Theory]
    [InlineData("no-5001", "is not a city id")]
    [InlineData("XX-5001", "is not an ISO 3166-1 alpha-2 country code")]
    public async Task Init_refuses_a_city_id_that_is_not_one(string city, string expected)
    {
        var result = (await _node.RunAsync("init", "--city", city, "--name", "Somewhere")).Expect(ExitCodes.Usage);

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(new DataDirectory(_node.DataDirectory).IsInitialised);
    }

    [Fact]
    public async Task A_command_without_a_node_says_how_to_set_one_up()
    {
        var result = (await _node.RunAsync("status")).Expect(ExitCodes.Usage);

        Assert.Contains("There is no node in", result.Error, StringComparison.Ordinal);
        Assert.Contains("init --city NO-5001 --name Trondheim", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import")]
    [InlineData("init", "--city", "NO-5001")]
    [InlineData("template", "--format", "pdf")]
    [InlineData("frobnicate")]
    [InlineData("init", "--city", "NO-5001", "--name", "Trondheim", "--hub-url", "ftp://hub")]
    public async Task A_wrong_command_line_is_a_usage_error(params string[] args)
    {
        var result = (await _node.RunAsync(args)).Expect(ExitCodes.Usage);

        Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_with_errors_lists_each_with_its_line_exits_1_and_stores_nothing()
    {
        await InitAsync();
        var file = ValueFileSamples.Csv(_directory, ValueFileSamples.Header, "EC-P-EM-1C,,1.34,percent,measured,a,b,", "EC-P-EM-2C,,1.32,%,measured,a,b,", "EC-P-EM-2C,,x,%,measured,a,b,");

        var result = (await _node.RunAsync("import", file, "--period", "2020")).Expect(ExitCodes.Failed);

        Assert.Contains($"error: {Path.GetFileName(file)} has 3 errors; nothing was imported.", result.Error, StringComparison.Ordinal);
        Assert.Contains("  line 2, unit: EC-P-EM-1C (Unemployment Rate) is reported in '%', not 'percent'.", result.Error, StringComparison.Ordinal);
        Assert.Contains("  line 4, kpi: EC-P-EM-2C is already reported at line 3", result.Error, StringComparison.Ordinal);
        Assert.Contains("  line 4, value: 'x' is not a number.", result.Error, StringComparison.Ordinal);
        Assert.Contains("0 snapshots", (await _node.RunAsync("status")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_stores_a_draft_and_a_second_import_replaces_it_saying_so()
    {
        await InitAsync();
        var file = TestValues.TrondheimCsv(_directory);

        var first = (await _node.RunAsync("import", file, "--period", "2020")).Expect(ExitCodes.Ok);
        var second = (await _node.RunAsync("import", file, "--period", "2020")).Expect(ExitCodes.Ok);
        var preliminary = (await _node.RunAsync("import", file, "--period", "2020", "--status", "preliminary")).Expect(ExitCodes.Ok);

        Assert.Contains("5 values, no errors", first.Output, StringComparison.Ordinal);
        Assert.Contains("Stored as the draft for 2020 final.", first.Output, StringComparison.Ordinal);
        Assert.Contains($"replacing the unpublished draft imported from {Path.GetFileName(file)}", second.Output, StringComparison.Ordinal);
        Assert.Contains("Stored as the draft for 2020 preliminary.", preliminary.Output, StringComparison.Ordinal);
        var status = (await _node.RunAsync("status")).Output;
        Assert.Contains("2 snapshots", status, StringComparison.Ordinal);
        Assert.Contains("final        draft", status, StringComparison.Ordinal);
        Assert.Contains("preliminary  draft", status, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_a_usage_error()
    {
        await InitAsync();

        var result = (await _node.RunAsync("import", _directory.File("missing.csv"), "--period", "2020")).Expect(ExitCodes.Usage);

        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_signs_the_drafts_into_the_outbox()
    {
        await InitAsync();
        (await _node.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);

        var result = (await _node.RunAsync("publish", "--period", "2020")).Expect(ExitCodes.Ok);

        Assert.Matches(@"Signed snapshot [0-9a-f-]{36} \(2020 final, 5 values from values-[0-9a-f]+\.csv\) with key \S+; it waits in the outbox\.", result.Output);
        Assert.Contains("pending", (await _node.RunAsync("status")).Output, StringComparison.Ordinal);
        Assert.Contains("Nothing to publish", (await _node.RunAsync("publish")).Expect(ExitCodes.Failed).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_writes_CSV_and_XLSX_and_does_not_overwrite_without_force()
    {
        var csv = _directory.File("t.csv");
        var xlsx = _directory.File("t.xlsx");

        var written = (await _node.RunAsync("template", "--format", "csv", "--output", csv)).Expect(ExitCodes.Ok);
        (await _node.RunAsync("template", "--format", "xlsx", "--output", xlsx)).Expect(ExitCodes.Ok);
        var refused = (await _node.RunAsync("template", "--format", "csv", "--output", csv)).Expect(ExitCodes.Usage);
        (await _node.RunAsync("template", "--format", "csv", "--output", csv, "--force")).Expect(ExitCodes.Ok);

        Assert.Contains("111 rows, one for each of the 91 KPIs", written.Output, StringComparison.Ordinal);
        Assert.True(new FileInfo(xlsx).Length > 0);
        Assert.Contains("exists already", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_rotate_keeps_signing_with_the_old_key_until_the_new_one_is_activated()
    {
        await InitAsync();
        var data = new DataDirectory(_node.DataDirectory);
        var old = NodeSettings.Load(data.SettingsFile).ActiveKeyId;

        var rotated = (await _node.RunAsync("keys", "rotate")).Expect(ExitCodes.Ok);
        var node = await NodeWorkspace.OpenAsync(data, ct: Ct);
        var fresh = node.Keys.List().Single(k => k.KeyId != old);
        Assert.Contains(fresh.PublicJwk, rotated.Output, StringComparison.Ordinal);
        Assert.Contains($"dotnet run --project src/Network.Hub -- keys add --city NO-5001 --jwk {Shell.Path(fresh.PublicKeyFile)}", rotated.Output, StringComparison.Ordinal);
        Assert.Contains($"keys activate {fresh.KeyId}", rotated.Output, StringComparison.Ordinal);
        Assert.Equal(old, await PublishedKeyAsync(node));

        (await _node.RunAsync("keys", "activate", fresh.KeyId)).Expect(ExitCodes.Ok);

        Assert.Equal(fresh.KeyId, NodeSettings.Load(data.SettingsFile).ActiveKeyId);
        Assert.Equal(fresh.KeyId, await PublishedKeyAsync(await NodeWorkspace.OpenAsync(data, ct: Ct)));
        var listed = (await _node.RunAsync("keys", "list")).Expect(ExitCodes.Ok).Output;
        Assert.Contains($"{fresh.KeyId}  made", listed, StringComparison.Ordinal);
        Assert.Contains("(signs new snapshots)", listed.Split('\n').Single(l => l.StartsWith(fresh.KeyId, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("The node has no key 'nope'", (await _node.RunAsync("keys", "activate", "nope")).Expect(ExitCodes.Usage).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_shows_a_rejected_snapshot_with_every_reason_and_its_field_in_plain_words()
    {
        await InitAsync();
        (await _node.RunAsync("import", TestValues.TrondheimCsv(_directory), "--period", "2020")).Expect(ExitCodes.Ok);
        (await _node.RunAsync("publish")).Expect(ExitCodes.Ok);
        var node = await NodeWorkspace.OpenAsync(new DataDirectory(_node.DataDirectory), ct: Ct);
        var entry = Assert.Single(await node.Store.DueAsync(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5), ct: Ct));
        await node.CourierFor(new ScriptedHub()).OnAnswerAsync(new HubAnswer(entry.SnapshotId, entry.Digest, false, DateTimeOffset.UtcNow, false,
        [
            Rejections.KeyRevoked(node.Settings.ActiveKeyId, DateTimeOffset.UtcNow),
            new Rejection(RejectionReason.WrongUnit, "$.values[1].unit", "EC-P-EM-1C (Unemployment Rate) is reported in '%', not 'pct'."),
            new Rejection(RejectionReason.InvalidDataPoint, "$.values[4].dataPoint", "'5G' is not a data point of EC-ICT-ICT-4C."),
        ]));

        var status = (await _node.RunAsync("status")).Expect(ExitCodes.Ok).Output;

        Assert.Contains($"{entry.SnapshotId}  2020    final        rejected", status, StringComparison.Ordinal);
        Assert.Contains("rejected by the hub", status, StringComparison.Ordinal);
        Assert.Contains($"- the signing key: The key '{node.Settings.ActiveKeyId}' was revoked", status, StringComparison.Ordinal);
        Assert.Contains("- the unit of EC-P-EM-1C: EC-P-EM-1C (Unemployment Rate) is reported in '%', not 'pct'. (WrongUnit)", status, StringComparison.Ordinal);
        Assert.Contains("- the dataPoint of EC-ICT-ICT-4C (4G): '5G' is not a data point of EC-ICT-ICT-4C. (InvalidDataPoint)", status, StringComparison.Ordinal);
    }

    private Task<CommandResult> InitAsync() =>
        _node.RunAsync("init", "--city", "NO-5001", "--name", "Trondheim").ContinueWith(t => t.Result.Expect(ExitCodes.Ok), TaskScheduler.Default);

    private async Task<string> PublishedKeyAsync(NodeWorkspace node)
    {
        await node.ImportAsync(TestValues.TrondheimCsv(_directory), 2020, Contracts.Snapshots.SnapshotStatus.Final, ct: Ct);
        return Assert.Single(await node.PublishAsync(ct: Ct)).KeyId;
    }
}
