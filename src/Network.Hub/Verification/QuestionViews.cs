using Network.Hub.Storage;

namespace Network.Hub.Verification;

/// <summary>One message of a question thread: a verifier's question or the city's answer.</summary>
/// <param name="Id">The message id.</param>
/// <param name="CityId">The city the value belongs to.</param>
/// <param name="Period">The reporting period.</param>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point; null for a KPI reported as one number.</param>
/// <param name="VerifierId">The verifier on the other side of the thread.</param>
/// <param name="SnapshotId">The snapshot the message is about (a question's snapshot; the current one when an answer was written).</param>
/// <param name="Author">Who wrote it: <c>verifier</c> or <c>city</c>.</param>
/// <param name="Text">What they wrote.</param>
/// <param name="PostedAt">When the hub stored it.</param>
public sealed record ThreadMessageView(
    Guid Id, string CityId, int Period, string Kpi, string? DataPoint, string VerifierId, Guid SnapshotId, ThreadAuthor Author, string Text, DateTimeOffset PostedAt)
{
    /// <summary>The view of a stored message.</summary>
    public static ThreadMessageView Of(ThreadMessageRecord message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new ThreadMessageView(message.Id, message.CityId, message.Period, message.KpiCode, StoredDataPoint.Read(message.DataPoint),
            message.VerifierId, message.SnapshotId, message.Author, message.Text, message.PostedAt);
    }
}

/// <summary>The thread about one value between the city and one verifier, oldest message first.</summary>
/// <param name="Period">The reporting period.</param>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point; null for a KPI reported as one number.</param>
/// <param name="VerifierId">The verifier.</param>
/// <param name="Open">Whether the last message is the verifier's: a question waiting for the city's answer.</param>
/// <param name="Messages">The messages, oldest first.</param>
public sealed record QuestionThread(int Period, string Kpi, string? DataPoint, string VerifierId, bool Open, IReadOnlyList<ThreadMessageView> Messages);

/// <summary>A city's question threads as <c>GET /api/cities/{cityId}/questions</c> answers them.</summary>
/// <param name="CityId">The city.</param>
/// <param name="Period">The period asked for; null for all.</param>
/// <param name="Truncated">Whether older messages were left out: the answer holds the newest
/// <see cref="QuestionThreadsApi.MaxMessages"/>; ask per period for the rest.</param>
/// <param name="Threads">The threads, newest period first, then by KPI, data point and verifier.</param>
public sealed record QuestionThreadList(string CityId, int? Period, bool Truncated, IReadOnlyList<QuestionThread> Threads);
