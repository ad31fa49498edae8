using Network.ValueFiles;

namespace Network.Node.Workspace.Verification;

/// <summary>What became of a filled verdict sheet.</summary>
public sealed record AttestOutcome
{
    /// <summary>The sheet's errors, each at its line and column; when there are any, nothing was signed or sent.</summary>
    public IReadOnlyList<ImportError> SheetErrors { get; init; } = [];

    /// <summary>The snapshot the sheet judged, once read.</summary>
    public JudgedSnapshot? Snapshot { get; init; }

    /// <summary>The signed attestation (compact JWS), once signed.</summary>
    public string? Jws { get; init; }

    /// <summary>The attestation's id.</summary>
    public Guid? AttestationId { get; init; }

    /// <summary>How many verdicts it carries.</summary>
    public int Verdicts { get; init; }

    /// <summary>Whether the hub accepted it (202).</summary>
    public bool Accepted { get; init; }

    /// <summary>Whether the hub held the same attestation already.</summary>
    public bool Duplicate { get; init; }

    /// <summary>Why the hub refused it: each reason with the field it concerns (<c>$.verdicts[2]: ...</c>).</summary>
    public IReadOnlyList<string> Rejections { get; init; } = [];

    /// <summary>The questions posted to the city's threads.</summary>
    public IReadOnlyList<SheetQuestion> QuestionsAsked { get; init; } = [];

    /// <summary>The questions the hub did not take, with why.</summary>
    public IReadOnlyList<string> QuestionFailures { get; init; } = [];

    /// <summary>Why the work stopped before an answer (the hub unreachable, an unexpected answer); null otherwise.</summary>
    public string? Failure { get; init; }

    /// <summary>Whether everything went through: accepted and every question asked.</summary>
    public bool Done => Accepted && QuestionFailures.Count == 0 && Failure is null;
}
