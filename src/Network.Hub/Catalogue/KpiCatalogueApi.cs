using Microsoft.AspNetCore.Http.HttpResults;
using Network.Contracts.Catalogue;
using Network.Hub.Hosting;
using Network.Hub.Problems;

namespace Network.Hub.Catalogue;

/// <summary>The U4SSC KPI catalogue over HTTP, read-only: <c>/api/kpis</c>.</summary>
public static class KpiCatalogueApi
{
    /// <summary>Maps the catalogue's routes under <c>/api/kpis</c>.</summary>
    public static IEndpointRouteBuilder MapKpiCatalogueApi(this IEndpointRouteBuilder app)
    {
        var kpis = app.MapGroup("/api/kpis").WithTags("Catalogue");

        kpis.MapGet("", ListKpis)
            .WithSummary("The KPI catalogue; filters: dimension, category, type")
            .WithExamples(
                "/api/kpis?dimension=Environment",
                "/api/kpis?category=Water%20and%20Sanitation",
                "/api/kpis?dimension=SC&type=core");

        kpis.MapGet("/tree", GetTree)
            .WithSummary("The catalogue as a tree: dimensions, sub-dimensions, categories, KPIs");

        kpis.MapGet("/{code}", GetKpi)
            .WithSummary("One KPI by its code")
            .WithExamples("/api/kpis/EC-ICT-ICT-1C", "/api/kpis/EN-EN-AQ-1C");

        return app;
    }

    /// <summary>The KPIs that pass every given filter, or a 400 naming each filter whose value is unknown.</summary>
    public static Results<Ok<KpiListResponse>, ProblemHttpResult> ListKpis([AsParameters] KpiQuery query, KpiCatalogue catalogue)
    {
        if (!KpiFilter.TryParse(query, catalogue, out var filter, out var errors))
        {
            return HubProblem.UnknownFilterValue(errors).ToResult();
        }

        var kpis = catalogue.All.Where(filter.Matches).Select(KpiResponse.From).ToArray();
        return TypedResults.Ok(new KpiListResponse(catalogue.Version, kpis.Length, kpis));
    }

    /// <summary>The catalogue tree, with KPIs reduced to code and name.</summary>
    public static Ok<CatalogueTreeResponse> GetTree(KpiCatalogue catalogue) =>
        TypedResults.Ok(CatalogueTreeResponse.From(catalogue));

    /// <summary>
    /// One KPI, or a 404 naming the code. Codes are matched ignoring case (they are all upper case), and the
    /// answer always carries the canonical code.
    /// </summary>
    public static Results<Ok<KpiResponse>, ProblemHttpResult> GetKpi(string code, KpiCatalogue catalogue)
    {
        if (catalogue.TryGet(code, out var kpi) || catalogue.TryGet(code.ToUpperInvariant(), out kpi))
        {
            return TypedResults.Ok(KpiResponse.From(kpi));
        }

        return HubProblem.UnknownKpiCode(code).ToResult();
    }
}
