namespace Network.Node.Workspace.Templates;

/// <summary>One row of the value template: one KPI, or one data point of a KPI reported in parts.</summary>
/// <param name="Kpi">The KPI code, e.g. <c>EN-EN-AQ-2C</c>.</param>
/// <param name="Name">The KPI's name.</param>
/// <param name="DataPoint">The data point this row is for; <see langword="null"/> for a KPI reported as one number.</param>
/// <param name="Unit">The exact unit symbol the value is in.</param>
/// <param name="UnitDescription">The unit as U4SSC describes it.</param>
/// <param name="DataPoints">All the KPI's data points, separated by <c>; </c>; empty for a KPI without.</param>
public sealed record TemplateRow(string Kpi, string Name, string? DataPoint, string Unit, string UnitDescription, string DataPoints);
