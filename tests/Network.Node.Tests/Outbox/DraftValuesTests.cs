using System.Text;
using Network.Contracts.Snapshots;
using Network.Node.Tests.Support;
using Network.Node.Workspace.Storage;

namespace Network.Node.Tests.Outbox;

/// <summary>A draft's values are kept as the signed payload will carry them, and an older database's drafts are read after its upgrade.</summary>
public sealed class DraftValuesTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly KpiValue[] Values =
    [
        new("EC-ICT-ICT-1C", null, 97.5, "%", DataQuality.SurveyExtrapolated, "Statistics Norway", "Table 11447", "Households with a fixed line"),
        new("EC-ICT-ICT-2C", "4G", 99.9, "%", DataQuality.Measured, "Nkom", "Mobile coverage 2020"),
        new("EN-EN-AQ-2C", "PM2.5", 6.1, "µg/m³", DataQuality.HigherLevelExtrapolated, "NILU", "luftkvalitet.info"),
    ];

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_drafts_values_are_stored_as_the_payloads_values_array()
    {
        var database = new NodeDatabase(_directory.File("node.db"));
        await database.EnsureCreatedAsync(Ct);
        var store = new SnapshotStore(database);

        var (draft, _) = await store.SaveDraftAsync(2020, SnapshotStatus.Final, null, "values.csv", Values, Now, Ct);

        Assert.Equal(Encoding.UTF8.GetString(SnapshotJson.SerializeValues(Values)), await ValuesJsonAsync(database, draft.Number));
        Assert.Equal(Values, await store.ValuesAsync(draft.Number, Ct));
    }

    [Fact]
    public async Task A_version_1_database_keeps_its_drafts_values_after_the_upgrade()
    {
        var database = new NodeDatabase(_directory.File("node.db"));
        await database.EnsureCreatedAsync(Ct);
        // What version 1 wrote: System.Text.Json's web defaults with the quality as its .NET name.
        const string version1 = """
            [{"kpi":"EC-ICT-ICT-1C","value":97.5,"unit":"%","quality":"SurveyExtrapolated","origin":"Statistics Norway","source":"Table 11447","note":"Households with a fixed line"},{"kpi":"EC-ICT-ICT-2C","dataPoint":"4G","value":99.9,"unit":"%","quality":"Measured","origin":"Nkom","source":"Mobile coverage 2020"},{"kpi":"EN-EN-AQ-2C","dataPoint":"PM2.5","value":6.1,"unit":"\u00B5g/m\u00B3","quality":"HigherLevelExtrapolated","origin":"NILU","source":"luftkvalitet.info"}]
            """;
        await using (var connection = await database.OpenAsync(Ct))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO snapshots (number, period, status, state, source_file, imported_at, value_count, values_json)
                VALUES (1, 2020, 'final', 'draft', 'values.csv', '2025-06-01T12:00:00.0000000Z', 3, $values);
                PRAGMA user_version = 1;
                """;
            command.Parameters.AddWithValue("$values", version1);
            await command.ExecuteNonQueryAsync(Ct);
        }

        await database.EnsureCreatedAsync(Ct);

        Assert.Equal(Values, await new SnapshotStore(database).ValuesAsync(1, Ct));
    }

    private static async Task<string> ValuesJsonAsync(NodeDatabase database, long number)
    {
        await using var connection = await database.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT values_json FROM snapshots WHERE number = $number";
        command.Parameters.AddWithValue("$number", number);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }
}
