using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using static Network.Testing.SnapshotBuilder;

namespace Network.Contracts.Tests.Verification;

public sealed class SnapshotFieldTests : IDisposable
{
    private readonly TestNetwork _network = new();

    [Theory]
    [InlineData(1989)]
    [InlineData(0)]
    [InlineData(-2020)]
    [InlineData(20200)]
    public async Task Rejects_a_period_outside_the_sane_range(int period)
    {
        var jws = _network.Trondheim.Snapshot().ForPeriod(period).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.PeriodOutOfRange, "$.period");
    }

    [Fact]
    public async Task Rejects_a_period_two_years_after_this_one()
    {
        var jws = _network.Trondheim.Snapshot().ForPeriod(TestNetwork.Now.Year + 2).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.PeriodOutOfRange, "$.period");
    }

    [Theory]
    [InlineData(1990)]
    [InlineData(2021)]
    public async Task Accepts_periods_from_1990_to_next_year(int period)
    {
        var jws = _network.Trondheim.Snapshot().ForPeriod(period).Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Theory]
    [InlineData("no-5001")]
    [InlineData("NO5001")]
    [InlineData("NO-")]
    [InlineData("NO-50 01")]
    [InlineData("NOR-5001")]
    [InlineData("XX-1")]
    [InlineData("NO-5001-1")]
    [InlineData("NO-5001\n")]
    public async Task Rejects_a_malformed_city_id_which_no_key_can_be_registered_to(string cityId)
    {
        var jws = _network.Trondheim.Snapshot().ForCity(cityId).Sign();

        Refusal.AssertExactly(
            await _network.VerifyAsync(jws),
            (RejectionReason.MalformedCityId, "$.cityId"),
            (RejectionReason.KeyNotOwnedByCity, "header.kid"));
    }

    [Fact]
    public async Task Rejects_an_empty_city_id()
    {
        var jws = _network.Trondheim.Snapshot().ForCity("").Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.MalformedCityId, "$.cityId");
    }

    [Fact]
    public async Task Rejects_a_correction_that_does_not_name_what_it_supersedes()
    {
        var jws = _network.Trondheim.Snapshot().WithStatus(SnapshotStatus.Correction).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.CorrectionWithoutSupersedes, "$.supersedes");
    }

    [Theory]
    [InlineData(SnapshotStatus.Final)]
    [InlineData(SnapshotStatus.Preliminary)]
    public async Task Rejects_supersedes_on_a_snapshot_that_is_not_a_correction(SnapshotStatus status)
    {
        var jws = _network.Trondheim.Snapshot().WithStatus(status).Superseding(Guid.NewGuid()).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.SupersedesWithoutCorrection, "$.supersedes");
    }

    [Fact]
    public async Task Accepts_a_correction_naming_what_it_supersedes()
    {
        var jws = _network.Trondheim.Snapshot().CorrectionOf(Guid.NewGuid()).Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    [Theory]
    [InlineData("u4ssc-2017.2")]
    [InlineData("U4SSC-2017.1")]
    [InlineData("")]
    public async Task Rejects_a_catalogue_version_it_does_not_know(string version)
    {
        var jws = _network.Trondheim.Snapshot().WithCatalogueVersion(version).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.UnsupportedCatalogueVersion, "$.catalogueVersion");
    }

    [Fact]
    public async Task Rejects_a_snapshot_without_values()
    {
        var jws = _network.Trondheim.Snapshot().WithValues().Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.NoValues, "$.values");
    }

    [Fact]
    public async Task Rejects_more_than_2000_values()
    {
        var jws = _network.Trondheim.Snapshot()
            .WithValues(Enumerable.Range(0, SnapshotFormat.MaxValues + 1).Select(_ => Value("EC-ICT-ICT-1C", 98.5, "%")))
            .Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.PayloadTooLarge, "$.values");
    }

    [Fact]
    public async Task Rejects_a_snapshot_issued_further_in_the_future_than_clock_skew_explains()
    {
        var jws = _network.Trondheim.Snapshot().IssuedAt(TestNetwork.Now + SnapshotFormat.AllowedClockSkew + TimeSpan.FromSeconds(1)).Sign();

        Refusal.AssertOnly(await _network.VerifyAsync(jws), RejectionReason.IssuedInFuture, "$.issuedAt");
    }

    [Fact]
    public async Task Accepts_a_snapshot_issued_within_clock_skew_of_now()
    {
        var jws = _network.Trondheim.Snapshot().IssuedAt(TestNetwork.Now + SnapshotFormat.AllowedClockSkew).Sign();

        Refusal.AssertAccepted(await _network.VerifyAsync(jws));
    }

    public void Dispose() => _network.Dispose();
}
