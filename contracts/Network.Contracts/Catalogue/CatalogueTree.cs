namespace Network.Contracts.Catalogue;

/// <summary>A dimension with its sub-dimensions, as U4SSC presents them.</summary>
/// <param name="Dimension">The dimension.</param>
/// <param name="Name">Its display name, e.g. <c>Society and Culture</c>.</param>
/// <param name="SubDimensions">Its sub-dimensions in catalogue order.</param>
public sealed record DimensionNode(Dimension Dimension, string Name, IReadOnlyList<SubDimensionNode> SubDimensions);

/// <summary>A sub-dimension with its categories.</summary>
/// <param name="Code">The code prefix, e.g. <c>EC-ICT</c>.</param>
/// <param name="Name">The display name, e.g. <c>ICT</c>.</param>
/// <param name="Categories">Its categories in catalogue order.</param>
public sealed record SubDimensionNode(string Code, string Name, IReadOnlyList<CategoryNode> Categories);

/// <summary>
/// A category node in the tree. U4SSC has 22 category names; some (Water and Sanitation, Transport,
/// Electricity Supply, Waste) appear under more than one sub-dimension, so the tree has more nodes than
/// names and a node is identified by its <see cref="Code"/>.
/// </summary>
/// <param name="Code">The node's code, e.g. <c>EC-ICT-WS</c>.</param>
/// <param name="Name">The category name, e.g. <c>Water and Sanitation</c>.</param>
/// <param name="Kpis">The KPIs in this node, in catalogue order.</param>
public sealed record CategoryNode(string Code, string Name, IReadOnlyList<Kpi> Kpis);
