namespace Network.Hub.Comparison;

/// <summary>Why a comparison cannot be built.</summary>
public enum ComparisonProblemReason
{
    /// <summary>No city was named.</summary>
    NoCities,

    /// <summary>More cities than <see cref="ComparisonTables.MaxCities"/>.</summary>
    TooManyCities,

    /// <summary>A city id that is not a member of the network.</summary>
    UnknownCity,

    /// <summary>A KPI code that is not in the catalogue.</summary>
    UnknownKpi,
}

/// <summary>One reason a comparison was refused, naming the argument it concerns.</summary>
/// <param name="Reason">The named reason.</param>
/// <param name="Field">The argument: <c>cities</c> or <c>kpis</c>.</param>
/// <param name="Message">A sentence a city analyst understands.</param>
public sealed record ComparisonProblem(ComparisonProblemReason Reason, string Field, string Message);
