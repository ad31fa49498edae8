using System.Net;
using Network.Hub.Identity;
using Network.ValueFiles;
using static Network.Hub.Tests.Problems;

namespace Network.Hub.Tests.Verification;

/// <summary><c>GET /api/verification/snapshots/{snapshotId}/sheet</c>: the verdict sheet, for the snapshot's assigned verifiers only.</summary>
public sealed class VerdictSheetApiTests(VerificationNetwork network) : IClassFixture<VerificationNetwork>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_assigned_verifier_gets_the_CSV_sheet_of_an_embargoed_snapshot_with_the_citys_notes()
    {
        var verifier = await network.VerifierAsync();

        using var response = await verifier.GetAsync(SheetPath(network.Trondheim.SnapshotId), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"verdicts-NO-5001-2020-", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        var sheet = VerdictSheet.ReadSnapshotCsv(await response.Content.ReadAsStreamAsync(Ct), "sheet.csv");
        Assert.True(sheet.Success, string.Join('\n', sheet.Failures));
        Assert.Equal(network.Trondheim with { Values = [] }, sheet.Value with { Values = [] });
        Assert.Equal(network.Trondheim.Values, sheet.Value.Values);
        Assert.Contains(sheet.Value.Values, v => v.Note == "a note for the network only");
    }

    [Fact]
    public async Task The_XLSX_sheet_holds_the_same_snapshot()
    {
        var verifier = await network.VerifierAsync();

        using var response = await verifier.GetAsync(SheetPath(network.Trondheim.SnapshotId) + "?format=xlsx", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var path = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.xlsx");
        try
        {
            await File.WriteAllBytesAsync(path, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
            var sheet = VerdictSheet.ReadSnapshot(path);
            Assert.True(sheet.Success, string.Join('\n', sheet.Failures));
            Assert.Equal(network.Trondheim.Values, sheet.Value.Values);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(VerificationNetwork.BergenVerifier)]
    [InlineData(VerificationNetwork.FormerVerifier)]
    public async Task A_verifier_not_assigned_to_the_city_now_is_refused_at_the_snapshot(string verifierId)
    {
        var verifier = await network.VerifierAsync(verifierId);

        using var response = await verifier.GetAsync(SheetPath(network.Trondheim.SnapshotId), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains($"{verifierId} is not assigned to NO-5001", problem.GetProperty("errors").GetProperty("snapshotId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_snapshot_is_named()
    {
        var verifier = await network.VerifierAsync();
        var unknown = Guid.NewGuid();

        using var response = await verifier.GetAsync(SheetPath(unknown), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains(unknown.ToString(), problem.GetProperty("errors").GetProperty("snapshotId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_format_other_than_csv_or_xlsx_is_refused_at_the_format()
    {
        var verifier = await network.VerifierAsync();

        using var response = await verifier.GetAsync(SheetPath(network.Trondheim.SnapshotId) + "?format=pdf", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("format", out _));
    }

    [Fact]
    public async Task A_token_with_the_verify_scope_but_no_verifier_is_refused()
    {
        var client = await network.VerifyScopeWithoutVerifierAsync();

        using var response = await client.GetAsync(SheetPath(network.Trondheim.SnapshotId), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.True(problem.GetProperty("errors").TryGetProperty("verifier", out _));
    }

    [Fact]
    public async Task The_citys_own_node_and_member_cities_get_no_sheet()
    {
        foreach (var client in new[] { await network.NodeAsync("NO-5001"), await network.MemberAsync() })
        {
            using var response = await client.GetAsync(SheetPath(network.Trondheim.SnapshotId), Ct);

            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Equal(Scopes.Verify, problem.GetProperty("requiredScopes")[0].GetString());
        }
    }

    private static string SheetPath(Guid snapshotId) => $"/api/verification/snapshots/{snapshotId}/sheet";
}
