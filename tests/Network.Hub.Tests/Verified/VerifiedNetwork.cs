using Microsoft.Extensions.DependencyInjection;
using Network.Contracts.Attestations;
using Network.Contracts.Snapshots;
using Network.Hub.Keys;
using Network.Testing;
using Network.Testing.Hub;
using static Network.Testing.SnapshotBuilder;

namespace Network.Hub.Tests.Verified;

/// <summary>
/// Three cities' 2020 figures with verdicts, small enough to compute every answer by hand:
/// <list type="bullet">
/// <item>Trondheim: internet 98 (verified), unemployment 1.34 (verified), GHG 2.46 (question); then a correction that
/// changes internet to 99 and keeps the rest, so internet loses its verdict and unemployment keeps it.</item>
/// <item>Bergen: a preliminary snapshot (embargoed) whose internet 95 is verified; the final snapshot reports the same
/// 95, so members see it verified and the public does not. Unemployment 2.1 and GHG 3.1 have no verdict.</item>
/// <item>Ålesund: internet 90 and unemployment 3.0 verified, GHG 2.0 (the lowest, so Ålesund can teach it) not verified.</item>
/// </list>
/// As verified, internet is then reported by Bergen and Ålesund only (Ålesund only, for the public), unemployment by
/// Trondheim and Ålesund, GHG by nobody.
/// </summary>
public sealed class VerifiedNetwork : IAsyncLifetime
{
    public const string Trondheim = "NO-5001", Bergen = "NO-4601", Alesund = "NO-1507";
    public const string Internet = "EC-ICT-ICT-1C", Unemployment = "EC-P-EM-1C", Ghg = "EN-EN-AQ-2C";
    public const string Verifier = "nordic-verifier";
    public static readonly DateTimeOffset AttestedAt = new(2020, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly List<TestCity> _cities = [];

    public HubFactory Hub { get; } = new();

    public Snapshot TrondheimOriginal { get; private set; } = null!;

    public Snapshot TrondheimCorrection { get; private set; } = null!;

    public Snapshot BergenPreliminary { get; private set; } = null!;

    public string TrondheimDigest { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var trondheim = await JoinAsync(new TestCity(Trondheim, "Trondheim"));
        var bergen = await JoinAsync(new TestCity(Bergen, "Bergen"));
        var alesund = await JoinAsync(new TestCity(Alesund, "Ålesund"));

        TrondheimOriginal = await PublishAsync(trondheim.Snapshot().ForPeriod(2020).IssuedAt(At(9, 30)).WithValues(
            Value(Internet, 98, "%"), Value(Unemployment, 1.34, "%"), Value(Ghg, 2.46, "tCO2e per capita per year")));
        BergenPreliminary = await PublishAsync(bergen.Snapshot().ForPeriod(2020).WithStatus(SnapshotStatus.Preliminary).IssuedAt(At(6, 1)).WithValues(
            Value(Internet, 95, "%"), Value(Unemployment, 2.2, "%")));
        await PublishAsync(bergen.Snapshot().ForPeriod(2020).IssuedAt(At(10, 1)).WithValues(
            Value(Internet, 95, "%"), Value(Unemployment, 2.1, "%"), Value(Ghg, 3.1, "tCO2e per capita per year")));
        var alesundFinal = await PublishAsync(alesund.Snapshot().ForPeriod(2020).IssuedAt(At(10, 2)).WithValues(
            Value(Internet, 90, "%"), Value(Unemployment, 3.0, "%"), Value(Ghg, 2.0, "tCO2e per capita per year")));

        TrondheimDigest = await VerdictSeed.AttestAsync(Hub, TrondheimOriginal, AttestedAt,
            VerdictSeed.AllVerified(TrondheimOriginal, (Ghg, null, VerdictOutcome.Question)), Verifier);
        await VerdictSeed.AttestAsync(Hub, BergenPreliminary, AttestedAt, [(BergenPreliminary.Values[0], VerdictOutcome.Verified)], Verifier);
        await VerdictSeed.AttestAsync(Hub, alesundFinal, AttestedAt, VerdictSeed.AllVerified(alesundFinal, (Ghg, null, VerdictOutcome.NotVerified)), Verifier);

        TrondheimCorrection = await PublishAsync(trondheim.Snapshot().ForPeriod(2020).IssuedAt(At(11, 1)).CorrectionOf(TrondheimOriginal.SnapshotId).WithValues(
            Value(Internet, 99, "%"), Value(Unemployment, 1.34, "%"), Value(Ghg, 2.46, "tCO2e per capita per year")));
    }

    public async ValueTask DisposeAsync()
    {
        await Hub.DisposeAsync();
        _cities.ForEach(c => c.Dispose());
    }

    private async Task<TestCity> JoinAsync(TestCity city)
    {
        await Hub.RegisterAsync(city);
        await Hub.WithServicesAsync(s => s.GetRequiredService<KeyRegistry>().AddOrUpdateCityAsync(city.CityId, city.Name, 100_000, false));
        _cities.Add(city);
        return city;
    }

    private async Task<Snapshot> PublishAsync(SnapshotBuilder builder)
    {
        var outcome = await Hub.IngestAsync(builder.Sign());
        Assert.NotNull(outcome.Accepted);
        return builder.Build();
    }

    private static DateTimeOffset At(int month, int day) => new(2020, month, day, 12, 0, 0, TimeSpan.Zero);
}
