using System.Net;
using System.Net.Http.Json;
using Network.Contracts.Signing;
using Network.Contracts.Snapshots;
using Network.Hub.People;
using Network.Hub.Tests.Pages.Browser;
using Network.Hub.Tests.Pages.Desk;
using Network.Hub.Tests.Pages.Desk.CoordinatorDesk;
using Network.Testing;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Pages.Accessibility;

/// <summary>
/// One hub on Kestrel with something on every page (three cities' final 2020 snapshots, Trondheim's preliminary 2021
/// snapshot with a note, a verifier assigned to Trondheim who asked a question, a waiting enrollment request) and one
/// browser, shared by every page's accessibility test; the browser signs in as whoever the page is for.
/// </summary>
public sealed class AccessibilityHub : IAsyncLifetime
{
    /// <summary>The verifier assigned to Trondheim.</summary>
    public const string Verifier = "demo-verifier";

    private readonly DeskNetwork _network = new();
    private readonly CityKeyPair _verifierKeys = CityKeyPair.Generate();
    private readonly TestCity _copenhagen = new("DK-0101", "Copenhagen");
    private BrowserPage? _browser;
    private string? _signedInAs;

    /// <summary>The hub.</summary>
    public KestrelHub Hub { get; } = new();

    /// <summary>Trondheim's preliminary 2021 snapshot, in the verifier's queue.</summary>
    public Guid Snapshot { get; } = Guid.NewGuid();

    /// <summary>Copenhagen's waiting enrollment request.</summary>
    public Guid Enrollment { get; private set; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        await _network.PublishAsync(Hub);
        var preliminary = _network.Trondheim.Snapshot().WithId(Snapshot).ForPeriod(2021).WithStatus(SnapshotStatus.Preliminary)
            .AddValue(new KpiValue("EC-ICT-ICT-4C", "4G", 99.8, "%", DataQuality.Measured, "Telenor", "coverage map", "a note for the network only"));
        Assert.NotNull((await Hub.IngestAsync(preliminary.Sign())).Accepted);
        await Hub.AddAssignedVerifierAsync(Verifier, _verifierKeys, _network.Trondheim.CityId);
        using (var verifier = await Hub.CreateVerifierClientAsync(Verifier))
        {
            using var asked = await verifier.PostAsJsonAsync("/api/verification/questions",
                new { snapshotId = Snapshot, kpi = "EC-ICT-ICT-4C", dataPoint = "4G", text = "Is the 4G coverage by population or by area?" }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        }

        Enrollment = await EnrollmentsDeskTests.EnrollAsync(Hub, _copenhagen);
    }

    /// <summary>
    /// The browser (started at the first call; the test is skipped without one), signed in as <paramref name="role"/>
    /// (<c>anonymous</c>, <c>coordinator</c>, <c>verifier</c> or <c>analyst</c>), signing the last person out first.
    /// </summary>
    public async Task<BrowserPage> AsAsync(string role)
    {
        // axe is a script the test injects into the page, which the hub's CSP (no script at all) would block; the
        // policy is checked by every other browser test, this one checks what the pages say to assistive technology.
        _browser ??= await BrowserPage.StartAsync(bypassCsp: true);
        if (_signedInAs == role)
        {
            return _browser;
        }

        await _browser.Context.ClearCookiesAsync();
        PersonRole? person = role switch
        {
            "anonymous" => null,
            "coordinator" => SignedInPeople.Coordinator,
            "verifier" => SignedInPeople.VerifierOf(Verifier),
            "analyst" => SignedInPeople.AnalystOf(_network.Trondheim.CityId),
            _ => throw new ArgumentOutOfRangeException(nameof(role), role, "no such person"),
        };
        if (person is not null)
        {
            await _browser.SignInAsync(Hub, person);
        }

        _signedInAs = role;
        return _browser;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await Hub.DisposeAsync();
        _network.Dispose();
        _verifierKeys.Dispose();
        _copenhagen.Dispose();
    }
}
