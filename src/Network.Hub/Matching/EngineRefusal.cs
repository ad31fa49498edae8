namespace Network.Hub.Matching;

/// <summary>What kind of question the benchmarking engine refused.</summary>
public enum EngineRefusalKind
{
    /// <summary>The city reported nothing for the period (the engine's <see cref="KeyNotFoundException"/>).</summary>
    CityNotReported,

    /// <summary>An argument the engine cannot use: an unknown KPI, a bad list or weight (its <see cref="ArgumentException"/>).</summary>
    InvalidArgument,
}

/// <summary>
/// The engine's refusal of a question, told apart from a fault: the engine is pure and says "no" by throwing
/// <see cref="KeyNotFoundException"/> or <see cref="ArgumentException"/>, with a message written for the caller. This is
/// the one place that reads those exceptions; GraphQL (<c>FieldErrors</c>) and OData (<c>HubProblem.MatchingRefused</c>)
/// turn a refusal into their answer, and any other exception stays a fault for the hub's 500 handling.
/// </summary>
/// <param name="Kind">What was refused.</param>
/// <param name="Message">The engine's message, which names what to fix.</param>
public sealed record EngineRefusal(EngineRefusalKind Kind, string Message)
{
    /// <summary>The refusal <paramref name="exception"/> means; null when it is a fault, not a refusal.</summary>
    public static EngineRefusal? Of(Exception exception) => exception switch
    {
        KeyNotFoundException e => new(EngineRefusalKind.CityNotReported, e.Message),
        ArgumentException e => new(EngineRefusalKind.InvalidArgument, e.Message),
        _ => null,
    };
}
