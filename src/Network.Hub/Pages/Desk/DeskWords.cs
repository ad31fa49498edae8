using System.Globalization;
using Network.Contracts.Snapshots;

namespace Network.Hub.Pages.Desk;

/// <summary>How the verifier's and the analyst's desks write values, times and statuses, and answer with a status.</summary>
public static class DeskWords
{
    /// <summary>A value as the city signed it: the shortest text that reads back as the same number.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A time in UTC, to the minute, e.g. <c>2026-12-07 21:55</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>A value's name: its KPI code and, for a KPI reported in parts, the data point, e.g. <c>EC-ICT-ICT-4C (4G)</c>.</summary>
    public static string Value(string kpi, string? dataPoint) => string.IsNullOrEmpty(dataPoint) ? kpi : $"{kpi} ({dataPoint})";

    /// <summary>A snapshot's status in words.</summary>
    public static string Status(SnapshotStatus status) => status switch
    {
        SnapshotStatus.Preliminary => "preliminary (members only)",
        SnapshotStatus.Final => "final",
        SnapshotStatus.Correction => "correction",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// Answers the request with <paramref name="status"/> while the page still renders its words. A 404 set while
    /// rendering makes the framework drop the page for a bodiless answer, so the status is set as the answer starts.
    /// </summary>
    public static void AnswerWith(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
