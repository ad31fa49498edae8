using System.Text;
using System.Text.Json;
using Network.Contracts.Snapshots;

namespace Network.Contracts.Tests.Snapshots;

/// <summary>The values array on its own, as a node keeps a draft: the very JSON the signed payload carries.</summary>
public sealed class ValuesJsonTests
{
    private static readonly KpiValue[] Values =
    [
        new("EC-ICT-ICT-1C", null, 97.5, "%", DataQuality.SurveyExtrapolated, "Statistics Norway", "Table 11447", "Households with a fixed line"),
        new("EN-EN-AQ-2C", "PM2.5", 6.1, "µg/m³", DataQuality.Measured, "NILU", "luftkvalitet.info"),
    ];

    [Fact]
    public void The_values_array_is_written_as_the_payload_writes_its_values()
    {
        var snapshot = new Snapshot(Guid.NewGuid(), "NO-5001", 2020, SnapshotStatus.Final, null,
            new DateTimeOffset(2021, 3, 1, 12, 0, 0, TimeSpan.Zero), "u4ssc-2.0", Values);
        using var payload = JsonDocument.Parse(SnapshotJson.Serialize(snapshot));

        Assert.Equal(payload.RootElement.GetProperty("values").GetRawText(), Encoding.UTF8.GetString(SnapshotJson.SerializeValues(Values)));
    }

    [Fact]
    public void The_values_array_reads_back_to_the_same_values()
    {
        Assert.Equal(Values, SnapshotJson.DeserializeValues(SnapshotJson.SerializeValues(Values)));
    }

    [Fact]
    public void A_values_array_with_a_field_the_format_does_not_have_is_refused_with_its_path()
    {
        var json = """[{"kpi":"EC-ICT-ICT-1C","value":1,"unit":"%","quality":"Measured","origin":"o","source":"s","colour":"red"}]""";

        var error = Assert.Throws<FormatException>(() => SnapshotJson.DeserializeValues(Encoding.UTF8.GetBytes(json)));

        Assert.Contains("$.values[0].colour", error.Message, StringComparison.Ordinal);
        Assert.Contains("$.values[0].quality", error.Message, StringComparison.Ordinal);
    }
}
