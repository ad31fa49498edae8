namespace Network.Hub.Catalogue;

/// <summary>
/// The query string of <c>GET /api/kpis</c>. Every filter is optional, an empty one counts as absent, and
/// the filters combine: a KPI is listed when it matches all of them.
/// </summary>
/// <param name="Dimension">A dimension by name (<c>Society and Culture</c>), enum name (<c>SocietyAndCulture</c>)
/// or code (<c>SC</c>); case-insensitive.</param>
/// <param name="Category">A category node by code (<c>EC-ICT-WS</c>) or every node of a category name
/// (<c>Water and Sanitation</c>); case-insensitive.</param>
/// <param name="Type"><c>core</c> or <c>advanced</c>; case-insensitive.</param>
public sealed record KpiQuery(string? Dimension, string? Category, string? Type);
