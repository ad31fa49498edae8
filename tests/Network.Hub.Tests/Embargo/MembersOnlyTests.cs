using System.Reflection;
using System.Text.Json;
using Network.Hub.Embargo;
using Network.Hub.Storage;
using Network.Testing.Hub;

namespace Network.Hub.Tests.Embargo;

/// <summary>
/// The cities' notes (and the JWS, which carries them) are read for a reader in one place, <see cref="MembersOnly"/>:
/// no other hub code reads those columns, so a new read door cannot forget to hide them from the public. The doors'
/// answers themselves are checked in <c>EmbargoTests.The_cities_notes_are_for_members_only_on_every_door</c> and
/// <c>HttpDoorTests</c>.
/// </summary>
public sealed class MembersOnlyTests(EmbargoNetwork network) : IClassFixture<EmbargoNetwork>
{
    // Reads the column without deciding for a reader, and may: the one reader, and the model's configuration of the column.
    private static readonly Type[] MayRead = [typeof(MembersOnly), typeof(NetworkDbContext)];

    public static TheoryData<string> MembersOnlyColumns => [nameof(KpiValueRecord.Note), nameof(SnapshotRecord.Jws), nameof(SnapshotRecord.Disclosures)];

    [Theory]
    [MemberData(nameof(MembersOnlyColumns))]
    public void No_hub_code_but_MembersOnly_reads_a_members_only_column(string column)
    {
        var getter = (column == nameof(KpiValueRecord.Note) ? typeof(KpiValueRecord) : typeof(SnapshotRecord)).GetProperty(column)!.GetMethod!;

        var readers = CodeReading(getter).Where(t => !MayRead.Contains(t)).Select(t => t.FullName).ToList();

        Assert.True(readers.Count == 0,
            $"{getter.DeclaringType!.Name}.{column} is for members of the network only; read it through MembersOnly.{column}(row, db.SeesNetworkData), not in: {string.Join(", ", readers)}");
    }

    [Fact]
    public void The_scan_finds_the_code_that_reads_a_column()
    {
        // Proves the scan above can see: the one reader is found, in memory and inside a query's expression tree alike.
        var note = typeof(KpiValueRecord).GetProperty(nameof(KpiValueRecord.Note))!.GetMethod!;

        Assert.Contains(typeof(MembersOnly), CodeReading(note));
        Assert.Contains(typeof(NetworkDbContext), CodeReading(note));
    }

    [Fact]
    public async Task A_note_filtered_on_in_the_feed_is_filtered_in_the_database_for_members_and_hidden_from_the_public()
    {
        using var anonymous = network.Hub.CreateClient();
        using var member = await network.Hub.CreateMemberClientAsync();
        const string feed = "/odata/KpiValues?$filter=Note eq 'a note for the network'&$select=Id,Note";

        using var publicRows = JsonDocument.Parse(await OkAnswers.GetTextAsync(anonymous, feed));
        using var memberRows = JsonDocument.Parse(await OkAnswers.GetTextAsync(member, feed));

        Assert.Empty(publicRows.RootElement.GetProperty("value").EnumerateArray());
        Assert.NotEmpty(memberRows.RootElement.GetProperty("value").EnumerateArray());
        Assert.All(memberRows.RootElement.GetProperty("value").EnumerateArray(), r => Assert.Equal("a note for the network", r.GetProperty("Note").GetString()));
    }

    // Every hub type whose compiled code (its lambdas, closures and async state machines included) calls the getter or
    // names it in an expression tree (ldtoken): both carry the getter's metadata token in the IL.
    private static IEnumerable<Type> CodeReading(MethodInfo getter)
    {
        var token = BitConverter.GetBytes(getter.MetadataToken);
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return getter.Module.Assembly.GetTypes()
            .Where(t => t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all))
                .Any(m => m.GetMethodBody()?.GetILAsByteArray() is { } il && il.AsSpan().IndexOf(token) >= 0))
            .Select(Outermost)
            .Distinct();
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;
}
