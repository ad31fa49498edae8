namespace Network.Hub.Storage;

/// <summary>
/// The precision at which the hub stores an instant, whatever the provider: SQLite keeps a
/// <see cref="DateTimeOffset"/> through EF's <c>DateTimeOffsetToBinaryConverter</c>, which drops everything below
/// 1,000 ticks (0.1 ms); SQL Server's <c>datetimeoffset</c> keeps more. An instant the hub reports (a receipt's
/// <c>receivedAt</c>) is cut to this precision before it is stored, so what is reported is what is stored and a
/// first receipt reads the same as every later one.
/// </summary>
public static class StoredTime
{
    /// <summary>The stored resolution in ticks: 1,000 ticks, a tenth of a millisecond (four decimals of a second).</summary>
    public const long ResolutionTicks = 1_000;

    /// <summary><paramref name="instant"/> in UTC, cut (not rounded) to <see cref="ResolutionTicks"/>, as the store keeps it.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % ResolutionTicks), TimeSpan.Zero);
}
