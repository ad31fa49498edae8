namespace Network.Hub.Verification;

/// <summary>A verifier's question about one value of a snapshot (<c>POST /api/verification/questions</c>).</summary>
/// <param name="SnapshotId">The snapshot asked about: a stored snapshot of a city the verifier is assigned to.</param>
/// <param name="Kpi">The KPI code of the value, e.g. <c>EN-EN-AQ-2C</c>.</param>
/// <param name="DataPoint">Its data point, for KPIs reported in parts; null otherwise.</param>
/// <param name="Text">The question, 1 to 4,000 characters.</param>
public sealed record QuestionRequest(Guid? SnapshotId, string? Kpi, string? DataPoint, string? Text);

/// <summary>A city's answer in the thread of one value (<c>POST /api/cities/{cityId}/questions/answers</c>).</summary>
/// <param name="Period">The reporting period of the value.</param>
/// <param name="Kpi">The KPI code of the value.</param>
/// <param name="DataPoint">Its data point, for KPIs reported in parts; null otherwise.</param>
/// <param name="VerifierId">The verifier whose question this answers.</param>
/// <param name="Text">The answer, 1 to 4,000 characters.</param>
public sealed record AnswerRequest(int? Period, string? Kpi, string? DataPoint, string? VerifierId, string? Text);
