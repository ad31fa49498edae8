namespace Network.ValueFiles;

/// <summary>A question a verifier wrote in a verdict sheet, for the city's thread on one value.</summary>
/// <param name="Kpi">The KPI code of the value asked about.</param>
/// <param name="DataPoint">Its data point; <see langword="null"/> for a KPI reported as one number.</param>
/// <param name="Text">The question, as the verifier wrote it (trimmed, 1 to 4000 characters).</param>
public sealed record SheetQuestion(string Kpi, string? DataPoint, string Text);
