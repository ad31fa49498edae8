using Network.Hub.Scoring;

namespace Network.Hub.Problems;

/// <content>The scoring basis a reader asked for.</content>
public sealed partial record HubProblem
{
    /// <summary>400: the <c>basis</c> query option is not a scoring basis (the value asked for is not echoed).</summary>
    public static HubProblem UnknownScoringBasis()
    {
        var message = $"basis must be {ScoringBases.Names[0]} (every reported value, the default) or {ScoringBases.Names[1]} (only values a U4SSC verifier verified).";
        return new(StatusCodes.Status400BadRequest, "Unknown scoring basis", message)
        {
            Errors = new Dictionary<string, string[]>(StringComparer.Ordinal) { ["basis"] = [message] },
        };
    }
}
