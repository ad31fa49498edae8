namespace Network.Contracts.Snapshots;

/// <summary>The exact strings the wire format uses for enumerations, in one place for writer, reader and docs.</summary>
public static class WireNames
{
    /// <summary>The wire name of a status (<c>preliminary</c>, <c>final</c>, <c>correction</c>).</summary>
    public static string Of(SnapshotStatus status) => status switch
    {
        SnapshotStatus.Preliminary => "preliminary",
        SnapshotStatus.Final => "final",
        SnapshotStatus.Correction => "correction",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The wire name of a data-quality class.</summary>
    public static string Of(DataQuality quality) => quality switch
    {
        DataQuality.Measured => "measured",
        DataQuality.SurveyExtrapolated => "survey-extrapolated",
        DataQuality.HigherLevelExtrapolated => "higher-level-extrapolated",
        DataQuality.AssumptionEstimated => "assumption-estimated",
        DataQuality.PersonalEstimate => "personal-estimate",
        DataQuality.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(quality)),
    };

    /// <summary>Every status wire name, in enum order.</summary>
    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<SnapshotStatus>().Select(Of).ToArray();

    /// <summary>Every data-quality wire name, in enum order.</summary>
    public static IReadOnlyList<string> Qualities { get; } = Enum.GetValues<DataQuality>().Select(Of).ToArray();

    /// <summary>Parses a status wire name (exact, lower case).</summary>
    public static bool TryParseStatus(string text, out SnapshotStatus status) => TryParse(text, out status, Of);

    /// <summary>Parses a data-quality wire name (exact, lower case).</summary>
    public static bool TryParseQuality(string text, out DataQuality quality) => TryParse(text, out quality, Of);

    private static bool TryParse<T>(string text, out T value, Func<T, string> name) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
