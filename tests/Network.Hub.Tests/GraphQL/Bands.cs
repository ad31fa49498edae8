using Network.Benchmarking.Scoring;

namespace Network.Hub.Tests.GraphQL;

/// <summary>The GraphQL names of the U4SSC bands.</summary>
internal static class BandNames
{
    public static string? Of(Band? band) => band switch
    {
        null => null,
        Band.LessThan33 => "LESS_THAN_33",
        Band.From33To66 => "FROM_33_TO_66",
        Band.From66To95 => "FROM_66_TO_95",
        _ => "AT_LEAST_95",
    };
}
