using GraphQL.Types;
using Network.Benchmarking.Scoring;

namespace Network.Hub.GraphQL.Types;

/// <summary>The four U4SSC bands, named after their bounds.</summary>
public sealed class BandGraphType : EnumerationGraphType
{
    /// <summary>Adds the four bands.</summary>
    public BandGraphType()
    {
        Name = "Band";
        Description = "A U4SSC band of percent of target; its points are 1 to 4. Each band includes its lower bound.";
        foreach (var band in Enum.GetValues<Band>())
        {
            Add(NameOf(band), band, $"{Bands.LabelOf(band)}: {Bands.PointsOf(band)} point{(band == Band.LessThan33 ? "" : "s")}.");
        }
    }

    private static string NameOf(Band band) => band switch
    {
        Band.LessThan33 => "LESS_THAN_33",
        Band.From33To66 => "FROM_33_TO_66",
        Band.From66To95 => "FROM_66_TO_95",
        _ => "AT_LEAST_95",
    };
}
