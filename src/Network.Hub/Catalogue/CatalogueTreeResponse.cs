using Network.Contracts.Catalogue;

namespace Network.Hub.Catalogue;

/// <summary>The body of <c>GET /api/kpis/tree</c>: dimensions → sub-dimensions → categories → KPIs, in catalogue order.</summary>
/// <param name="CatalogueVersion">The catalogue version, e.g. <c>u4ssc-2017.1</c>.</param>
/// <param name="Dimensions">The three dimensions.</param>
public sealed record CatalogueTreeResponse(string CatalogueVersion, IReadOnlyList<DimensionBranch> Dimensions)
{
    /// <summary>The tree of <paramref name="catalogue"/>, with each KPI reduced to its code and name.</summary>
    public static CatalogueTreeResponse From(KpiCatalogue catalogue) => new(
        catalogue.Version,
        catalogue.Dimensions
            .Select(d => new DimensionBranch(
                BranchCodes.Of(d),
                d.Name,
                d.SubDimensions
                    .Select(s => new SubDimensionBranch(
                        s.Code,
                        s.Name,
                        s.Categories
                            .Select(c => new CategoryBranch(c.Code, c.Name, c.Kpis.Select(k => new KpiLeaf(k.Code, k.Name)).ToArray()))
                            .ToArray()))
                    .ToArray()))
            .ToArray());
}

/// <summary>A dimension in the tree.</summary>
/// <param name="Code">The dimension's code: <c>EC</c>, <c>EN</c> or <c>SC</c>.</param>
/// <param name="Name">The dimension's name, e.g. <c>Society and Culture</c>.</param>
/// <param name="SubDimensions">Its sub-dimensions.</param>
public sealed record DimensionBranch(string Code, string Name, IReadOnlyList<SubDimensionBranch> SubDimensions);

/// <summary>A sub-dimension in the tree.</summary>
/// <param name="Code">The sub-dimension's code, e.g. <c>EC-ICT</c>.</param>
/// <param name="Name">The sub-dimension's name, e.g. <c>ICT</c>.</param>
/// <param name="Categories">Its category nodes.</param>
public sealed record SubDimensionBranch(string Code, string Name, IReadOnlyList<CategoryBranch> Categories);

/// <summary>A category node in the tree; a category name can appear under several sub-dimensions, the code cannot.</summary>
/// <param name="Code">The node's code, e.g. <c>EC-ICT-WS</c>.</param>
/// <param name="Name">The category's name, e.g. <c>Water and Sanitation</c>.</param>
/// <param name="Kpis">Its KPIs.</param>
public sealed record CategoryBranch(string Code, string Name, IReadOnlyList<KpiLeaf> Kpis);

/// <summary>A KPI in the tree: enough to show it and to ask <c>GET /api/kpis/{code}</c> for the rest.</summary>
/// <param name="Code">The KPI's code, e.g. <c>EC-ICT-WS-1C</c>.</param>
/// <param name="Name">The KPI's name.</param>
public sealed record KpiLeaf(string Code, string Name);
