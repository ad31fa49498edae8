using System.Globalization;
using System.Text.RegularExpressions;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;
using Network.Node.Workspace;
using Network.Node.Workspace.Storage;

namespace Network.Node.Output;

/// <summary>
/// Prints every snapshot of the node: id, period, status, state, and what happened last; for a rejected snapshot,
/// every reason the hub gave, each with the field it concerns in words (<c>$.values[3].unit</c> becomes
/// "the unit of EC-P-EM-1C").
/// </summary>
internal static partial class StatusReport
{
    [GeneratedRegex(@"\A\$\.values\[(\d+)\](?:\.(\w+))?\z", RegexOptions.CultureInvariant)]
    private static partial Regex ValueField();

    public static async Task PrintAsync(TextWriter o, NodeWorkspace node, int? period, CancellationToken ct)
    {
        var snapshots = await node.Store.ListAsync(period, ct: ct);
        await o.WriteLineAsync($"{node.Settings.Name} ({node.Settings.CityId}): {Count(snapshots.Count, "snapshot")}{(period is { } p ? $" for {p}" : "")}; " +
                               $"signing with key {node.Settings.ActiveKeyId}; delivering to {node.Settings.Hub.Describe()}.");
        if (snapshots.Count == 0)
        {
            await o.WriteLineAsync("Nothing yet: `template` writes a value file to fill in, `import FILE --period YEAR` reads it.");
            return;
        }

        await o.WriteLineAsync();
        await o.WriteLineAsync($"  {"SNAPSHOT",-36}  {"PERIOD",-6}  {"STATUS",-11}  {"STATE",-9}  {"VALUES",6}  LAST");
        foreach (var s in snapshots)
        {
            var id = s.SnapshotId?.ToString() ?? $"(draft {s.Number})";
            await o.WriteLineAsync($"  {id,-36}  {s.Period,-6}  {WireNames.Of(s.Status),-11}  {s.State.ToString().ToLowerInvariant(),-9}  {s.ValueCount,6}  {Last(s)}");
            if (s.Supersedes is { } superseded)
            {
                await o.WriteLineAsync($"      supersedes {superseded}");
            }

            if (s.State == SnapshotState.Rejected)
            {
                var values = await node.Store.ValuesAsync(s.Number, ct);
                foreach (var reason in s.Reasons)
                {
                    await o.WriteLineAsync($"      - {Field(reason.Field, values)}: {reason.Message} ({Name(reason.Reason)})");
                }
            }
        }
    }

    private static string Last(StoredSnapshot s) => s.State switch
    {
        SnapshotState.Draft => $"imported from {s.SourceFile} {When(s.ImportedAt)}",
        SnapshotState.Pending when s.LastError is { } error =>
            $"not delivered yet ({Count(s.Attempts, "attempt")}): {error}; next attempt {When(s.NextAttemptAt)}",
        SnapshotState.Pending => $"signed {When(s.IssuedAt)}, waiting in the outbox",
        SnapshotState.Delivered => $"delivered {When(s.DeliveredAt)}, waiting for the hub's answer",
        SnapshotState.Accepted => $"accepted by the hub {When(s.ReceivedAt ?? s.AnsweredAt)}",
        _ => $"rejected by the hub {When(s.AnsweredAt)}, {Count(s.Reasons.Count, "reason")}:",
    };

    // The hub names fields as the wire format does; an analyst thinks in KPIs.
    private static string Field(string field, IReadOnlyList<KpiValue> values)
    {
        var match = ValueField().Match(field);
        if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
        {
            var value = i < values.Count ? values[i] : null;
            var kpi = value is null ? $"value {i + 1}" : value.DataPoint is null ? value.Kpi : $"{value.Kpi} ({value.DataPoint})";
            return match.Groups[2].Success ? $"the {match.Groups[2].Value} of {kpi}" : kpi;
        }

        return field switch
        {
            "jws" => "the snapshot as a whole",
            "header.kid" => "the signing key",
            "header.alg" => "the signature algorithm",
            "header.typ" => "the token type",
            "signature" => "the signature",
            "payload" => "the payload",
            _ when field.StartsWith("$.", StringComparison.Ordinal) => field[2..],
            _ => field,
        };
    }

    private static string Name(RejectionReason reason) =>
        Enum.IsDefined(reason) ? reason.ToString() : $"reason {(int)reason}";

    private static string When(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : "(unknown)";

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
