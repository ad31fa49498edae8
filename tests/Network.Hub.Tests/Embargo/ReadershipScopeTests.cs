using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Hub.Embargo;
using Network.Hub.Scoring;
using Network.Hub.Storage;

namespace Network.Hub.Tests.Embargo;

/// <summary>
/// The readership fails closed: a context resolved where no request decided who reads (no HTTP context: a background
/// task, a new code path) reads the public record; the members' view is asked for by name.
/// </summary>
public sealed class ReadershipScopeTests(EmbargoNetwork network) : IClassFixture<EmbargoNetwork>
{
    [Fact]
    public async Task A_context_resolved_with_no_HTTP_context_reads_the_public_view()
    {
        await using var scope = network.Hub.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();

        var cities = await db.Snapshots.Select(s => s.CityId).Distinct().ToListAsync(TestContext.Current.CancellationToken);
        var values = await db.KpiValues.CountAsync(v => v.CityId == network.Bergen, TestContext.Current.CancellationToken);

        Assert.Equal(Readership.Public, db.Readership);
        Assert.DoesNotContain(network.Bergen, cities); // Bergen's preliminary snapshot and its correction are embargoed
        Assert.Equal(0, values);
    }

    [Fact]
    public async Task The_members_view_is_asked_for_by_name()
    {
        await using var scope = network.Hub.Services.CreateNetworkScope();
        var db = scope.ServiceProvider.GetRequiredService<NetworkDbContext>();

        var bergen = await db.Snapshots.CountAsync(s => s.CityId == network.Bergen, TestContext.Current.CancellationToken);

        Assert.Equal(Readership.Network, db.Readership);
        Assert.Equal(2, bergen);
    }

    // The score cache serves every request: it reads for the readership it is given, and by default nobody's is the network's.
    [Fact]
    public async Task The_shared_score_cache_reads_for_the_readership_it_is_given()
    {
        var scores = network.Hub.Services.GetRequiredService<NetworkScores>();

        var forPublic = await scores.ForPeriodAsync(Readership.Public, 2020, cancellationToken: TestContext.Current.CancellationToken);
        var forMembers = await scores.ForPeriodAsync(Readership.Network, 2020, cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(forPublic.Period.Contains(network.Bergen));
        Assert.True(forMembers.Period.Contains(network.Bergen));
    }

    [Fact]
    public async Task A_scope_decides_its_readership_once()
    {
        await using var scope = network.Hub.Services.CreateNetworkScope();

        Assert.Throws<InvalidOperationException>(() => scope.ServiceProvider.GetRequiredService<CallerReadership>().Decide(Readership.Public));
    }
}
