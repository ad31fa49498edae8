namespace Network.Node.Workspace.Verification;

/// <summary>A city's question threads as the hub lists them (<c>GET /api/cities/{cityId}/questions</c>).</summary>
/// <param name="CityId">The city.</param>
/// <param name="Truncated">Whether the hub left older messages out (ask per period).</param>
/// <param name="Threads">The threads, newest period first.</param>
public sealed record CityThreadList(string CityId, bool Truncated, IReadOnlyList<ValueThread> Threads);

/// <summary>The thread about one value between the city and one verifier.</summary>
/// <param name="Period">The reporting period.</param>
/// <param name="Kpi">The KPI code.</param>
/// <param name="DataPoint">The data point, or <see langword="null"/>.</param>
/// <param name="VerifierId">The verifier.</param>
/// <param name="Open">Whether the last message is the verifier's: waiting for the city's answer.</param>
/// <param name="Messages">The messages, oldest first.</param>
public sealed record ValueThread(int Period, string Kpi, string? DataPoint, string VerifierId, bool Open, IReadOnlyList<ThreadMessage> Messages);

/// <summary>One message of a thread.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Author"><c>verifier</c> (a question) or <c>city</c> (an answer).</param>
/// <param name="Text">What was written.</param>
/// <param name="PostedAt">When the hub stored it.</param>
public sealed record ThreadMessage(Guid Id, string Author, string Text, DateTimeOffset PostedAt);
