using Network.Benchmarking.Targets;
using Network.Hub.Matching;
using Network.Hub.Targets;

namespace Network.Hub.Problems;

/// <content>The catalogue, target sets, comparison exports and peer matching over OData.</content>
public sealed partial record HubProblem
{
    /// <summary>400: catalogue filters with unknown values (<c>errors</c> per filter, repeated in the detail).</summary>
    public static HubProblem UnknownFilterValue(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new(StatusCodes.Status400BadRequest, "Unknown filter value",
            string.Join(" ", errors.Select(e => $"Filter '{e.Key}': {string.Join(" ", e.Value)}")))
        {
            Errors = errors,
        };
    }

    /// <summary>404: no KPI has this code (<c>code</c>, as asked).</summary>
    public static HubProblem UnknownKpiCode(string code) =>
        new HubProblem(StatusCodes.Status404NotFound, "Unknown KPI code",
                $"No U4SSC KPI has the code '{code}'. Codes look like EC-ICT-ICT-1C; GET /api/kpis lists them all.")
            .With("code", code);

    /// <summary>400: a target-set upload without a valid name or version (<c>errors</c> per parameter).</summary>
    public static HubProblem TargetSetUnnamed(IDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "The target set needs a name and a version", null) { Errors = errors };

    /// <summary>415: a target set not sent as CSV.</summary>
    public static HubProblem TargetSetNotCsv() =>
        new(StatusCodes.Status415UnsupportedMediaType, "Send the target set as text/csv",
            $"The body must be CSV (Content-Type: text/csv) with the header {string.Join(",", TargetSet.Columns)}.");

    /// <summary>413: a target-set file larger than <see cref="TargetSetsApi.MaxBytes"/>.</summary>
    public static HubProblem TargetSetTooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "Target set too large", $"A target-set file may be at most {TargetSetsApi.MaxBytes} bytes.");

    /// <summary>409: the name and version hold another set already.</summary>
    public static HubProblem TargetSetVersionTaken(string? conflict) =>
        new(StatusCodes.Status409Conflict, "Target set version taken", conflict);

    /// <summary>400: the file breaks the format's rules: <c>errors</c> names each line, column and reason.</summary>
    public static HubProblem TargetSetRefused(IReadOnlyList<TargetSetError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new HubProblem(StatusCodes.Status400BadRequest, "The target-set file was refused",
                $"{errors.Count} error(s); each names its line (1 is the header).")
            .With("errors", errors.Select(e => new
            {
                line = e.Line,
                column = e.Column,
                reason = e.Reason.ToString(),
                message = e.Message,
            }).ToArray());
    }

    /// <summary>400: the comparison's parameters (<c>errors</c> per parameter, <c>reasons</c> their codes).</summary>
    public static HubProblem ComparisonNotBuildable(IDictionary<string, string[]> errors, IReadOnlyList<string> reasons)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return new HubProblem(StatusCodes.Status400BadRequest, "The comparison cannot be built", $"Check {string.Join(", ", errors.Keys)}.")
            {
                Errors = errors,
            }
            .With("reasons", reasons);
    }

    /// <summary>401 or 403: the network's pairing needs the coordinator scope.</summary>
    public static HubProblem PairingForCoordinators(bool authenticated, string scope) =>
        new(authenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            "The network's pairing is for coordinators", $"NetworkPairing needs an access token with the {scope} scope.");

    /// <summary>The engine's refusal of a matching question (<see cref="EngineRefusal"/>): 404 or 400, with its message.</summary>
    public static HubProblem MatchingRefused(EngineRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind == EngineRefusalKind.CityNotReported
            ? new(StatusCodes.Status404NotFound, "The city reported nothing for the period", refusal.Message)
            : new(StatusCodes.Status400BadRequest, "Invalid argument", refusal.Message);
    }
}
