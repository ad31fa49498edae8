using System.Text.Json;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Network.Contracts.Catalogue;
using Network.Contracts.Signing;
using Network.Contracts.Verification;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Cities;
using Network.Hub.Demo;
using Network.Hub.Storage;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Demo;

/// <summary>The embedded demo network: real nodes in process, real signatures, the real pipeline.</summary>
public sealed class DemoNetworkTests : IAsyncLifetime
{
    private readonly string _keys = Path.Combine(Path.GetTempPath(), $"network-demo-keys-{Guid.NewGuid():N}");
    private HubFactory _hub = null!;

    public ValueTask InitializeAsync()
    {
        _hub = new HubFactory(new Dictionary<string, string?>
        {
            ["Network:Demo:Enabled"] = "true",
            ["Network:Demo:KeyDirectory"] = _keys,
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _hub.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    [Fact]
    public async Task The_demo_coordinator_signs_in_with_this_starts_password_and_opens_the_coordinators_desks()
    {
        var password = _hub.Services.GetRequiredService<DemoPeople>().Password;
        using var client = _hub.CreatePageClient();

        using var signedIn = await SignedInPeople.SignInAsync(client, DemoPeople.CoordinatorUserName, password, "/sign-in?returnUrl=%2Fdesk");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
        var desk = await client.GetStringAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("href=\"/desk/enrollments\"", desk, StringComparison.Ordinal);
        Assert.Contains("Signed in as Demo Coordinator", desk, StringComparison.Ordinal);
        Assert.Matches("^[a-z2-9]{5}(-[a-z2-9]{5}){3}$", password);
        // The demo's synthetic city asking to join waits on the enrollments desk, a real signed request.
        var enrollments = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/desk/enrollments", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Contains("Sjøby (synthetic demo, asking to join)", enrollments, StringComparison.Ordinal);
        Assert.Contains("NO-9904", enrollments, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_person_signs_in_with_the_same_password_and_is_greeted_by_name_on_the_desk()
    {
        var password = _hub.Services.GetRequiredService<DemoPeople>().Password;
        foreach (var (userName, name, _, _) in DemoPeople.Accounts)
        {
            using var client = _hub.CreatePageClient();
            using var signedIn = await SignedInPeople.SignInAsync(client, userName, password, "/sign-in?returnUrl=%2Fdesk");

            Assert.Equal(System.Net.HttpStatusCode.Redirect, signedIn.StatusCode);
            var desk = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken));
            Assert.Contains("Signed in as " + name, desk, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Starts_with_eight_cities_whose_signed_snapshots_are_stored_and_queryable()
    {
        using var client = _hub.CreateClient();

        var cities = await WaitForCitiesAsync(client, expected: 8);

        Assert.Contains(cities, c => c is { Id: "NO-5001", Name: "Trondheim", Synthetic: false, Snapshots: 1, LatestPeriod: 2020 });
        Assert.Equal(3, cities.Count(c => c.Synthetic && c.Name.Contains("synthetic", StringComparison.OrdinalIgnoreCase)));
        var trondheim = await _hub.QueryAsync(db => db.Snapshots.Include(s => s.Values).SingleAsync(s => s.CityId == "NO-5001"));
        Assert.Equal(54, trondheim.Values.Count);
        Assert.Equal(2.46, trondheim.Values.Single(v => v.KpiCode == "EN-EN-AQ-2C").Value);
        Assert.All(
            await _hub.QueryAsync(db => db.KpiValues.Where(v => v.CityId.StartsWith("NO-99")).Select(v => v.Source).Distinct().ToListAsync()),
            source => Assert.StartsWith("SYNTHETIC DEMO DATA", source, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_demo_snapshot_carries_a_signature_that_verifies_against_the_registered_key()
    {
        using var client = _hub.CreateClient();
        await WaitForCitiesAsync(client, expected: 8);

        var stored = await _hub.QueryAsync(db => db.Snapshots.Select(s => s.Jws).ToListAsync());
        var keys = await _hub.QueryAsync(db => db.CityKeys.ToListAsync());
        var directory = new InMemoryKeyDirectory(keys.Select(k => new RegisteredKey(k.KeyId, k.CityId, EcPublicJwk.Parse(k.Jwk), k.ValidFrom)));
        var verifier = new SnapshotVerifier(directory, KpiCatalogue.Default, TimeProvider.System);

        Assert.Equal(8, stored.Count);
        foreach (var jws in stored)
        {
            Assert.Empty((await verifier.VerifyAsync(jws, TestContext.Current.CancellationToken)).Rejections);
        }
    }

    [Fact]
    public async Task The_demo_verifier_attests_trondheim_with_one_value_left_with_an_open_question()
    {
        using var client = _hub.CreateClient();
        await WaitForCitiesAsync(client, expected: 8);
        var snapshotId = await _hub.QueryAsync(db => db.Snapshots.Where(s => s.CityId == "NO-5001").Select(s => s.SnapshotId).SingleAsync());

        // Anonymous, as any reader: the verdicts are public with the public snapshot.
        var values = await WaitForVerdictsAsync(client, snapshotId);

        var questioned = Assert.Single(values, v => !v.Verified);
        Assert.Equal(("EC-P-IN-1C", "question", "demo-verifier"), (questioned.Kpi, questioned.Verdict, questioned.VerifiedBy));
        Assert.All(values.Where(v => v.Kpi != "EC-P-IN-1C"), v => Assert.Equal(("verified", "demo-verifier"), (v.Verdict, v.VerifiedBy)));
        var verifiers = await client.GetStringAsync(new Uri("/api/verifiers", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("not an accredited U4SSC verifier", verifiers, StringComparison.Ordinal);
        // The demo verifier posts its question after the hub accepted the attestation: wait for it as for the verdicts.
        var question = await WaitForQuestionAsync();
        Assert.Equal(("NO-5001", 2020, "EC-P-IN-1C", "demo-verifier"), (question.CityId, question.Period, question.KpiCode, question.VerifierId));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized,
            (await client.GetAsync(new Uri("/api/cities/NO-5001/questions", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<ValueVerdictRow[]> WaitForVerdictsAsync(HttpClient client, Guid snapshotId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var snapshot = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/snapshots/{snapshotId}", UriKind.Relative), TestContext.Current.CancellationToken));
            var values = snapshot.RootElement.GetProperty("values").EnumerateArray()
                .Select(v => new ValueVerdictRow(
                    v.GetProperty("kpi").GetString()!,
                    v.GetProperty("verified").GetBoolean(),
                    v.GetProperty("verdict").GetString(),
                    v.GetProperty("verifiedBy").GetString()))
                .ToArray();
            if (values.Any(v => v.Verdict is not null) || DateTime.UtcNow > deadline)
            {
                return values;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private async Task<ThreadMessageRecord> WaitForQuestionAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await _hub.QueryAsync(db => db.ThreadMessages.CountAsync()) == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        return await _hub.QueryAsync(db => db.ThreadMessages.SingleAsync());
    }

    private sealed record ValueVerdictRow(string Kpi, bool Verified, string? Verdict, string? VerifiedBy);

    private static async Task<CityView[]> WaitForCitiesAsync(HttpClient client, int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var cities = await client.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken);
            if (cities!.Count(c => c.Snapshots > 0) >= expected || DateTime.UtcNow > deadline)
            {
                Assert.Equal(expected, cities!.Count(c => c.Snapshots > 0));
                return cities!;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
