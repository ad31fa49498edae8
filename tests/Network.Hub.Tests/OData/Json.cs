using System.Text.Json;

namespace Network.Hub.Tests.OData;

/// <summary>Reads the feed's JSON rows, where a missing or null property reads as null.</summary>
internal static class Json
{
    public static string? Text(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p.GetString() : null;

    public static double? Number(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p.GetDouble() : null;

    public static int? Int(this JsonElement row, string name) =>
        row.TryGetProperty(name, out var p) && p.ValueKind != JsonValueKind.Null ? p.GetInt32() : null;

    public static bool Bool(this JsonElement row, string name) => row.GetProperty(name).GetBoolean();

    public static long Id(this JsonElement row) => row.GetProperty("Id").GetInt64();
}
