using System.Net.Http.Json;
using Network.Hub.Cities;
using Network.Hub.Tests.GraphQL;
using Network.Testing.Hub;
using static Network.Hub.Tests.Verified.VerifiedNetwork;

namespace Network.Hub.Tests.Verified;

/// <summary>The coordinator's overview shows each city's verified share: verified values over the values of its current snapshots.</summary>
public sealed class VerifiedShareTests(VerifiedNetwork network) : IClassFixture<VerifiedNetwork>
{
    [Fact]
    public async Task The_city_list_shows_each_citys_verified_share_of_its_current_values()
    {
        using var member = await network.Hub.CreateMemberClientAsync();
        using var anonymous = network.Hub.CreateClient();

        var members = (await member.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken))!.ToDictionary(c => c.Id);
        var anyone = (await anonymous.GetFromJsonAsync<CityView[]>("/api/cities", TestContext.Current.CancellationToken))!.ToDictionary(c => c.Id);

        // Trondheim: unemployment of three; Bergen: internet (verified on its preliminary snapshot) of three; Ålesund: two of three.
        Assert.Equal((3, 1, 0.3333), (members[Trondheim].CurrentValues, members[Trondheim].VerifiedValues, members[Trondheim].VerifiedShare));
        Assert.Equal((3, 1, 0.3333), (members[Bergen].CurrentValues, members[Bergen].VerifiedValues, members[Bergen].VerifiedShare));
        Assert.Equal((3, 2, 0.6667), (members[Alesund].CurrentValues, members[Alesund].VerifiedValues, members[Alesund].VerifiedShare));
        Assert.Equal((3, 0, 0.0), (anyone[Bergen].CurrentValues, anyone[Bergen].VerifiedValues, anyone[Bergen].VerifiedShare)); // that verdict is embargoed
    }

    [Fact]
    public async Task The_network_view_shows_each_citys_verified_share_of_the_period()
    {
        using var client = await network.Hub.CreateMemberClientAsync();

        var shares = (await GraphQLAnswer.PostAsync(client, "{ network(period: 2020) { basis verifiedShares { cityId values verified share } } }")).Ok()
            .At("network.verifiedShares").Items();

        Assert.Equal([(Alesund, 3, 2), (Bergen, 3, 1), (Trondheim, 3, 1)],
            shares.Select(s => (s.GetProperty("cityId").GetString()!, s.GetProperty("values").GetInt32(), s.GetProperty("verified").GetInt32())));
        Assert.Equal(2.0 / 3, shares[0].GetProperty("share").GetDouble(), 9);
    }
}
