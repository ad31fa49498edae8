namespace Network.Hub.Scoring;

/// <summary>
/// Which values a score counts. U4SSC's City Snapshot holds only the values a verifier verified; the network's own
/// scores count everything the cities reported unless asked otherwise, and every scoring answer says which it used.
/// </summary>
public enum ScoringBasis
{
    /// <summary>Every value the cities reported (wire name <c>asReported</c>; the default).</summary>
    AsReported,

    /// <summary>Only values whose current verdict is "verified", as in a U4SSC City Snapshot (wire name <c>asVerified</c>).</summary>
    AsVerified,
}

/// <summary>The wire names of <see cref="ScoringBasis"/> (query option <c>basis=asReported|asVerified</c>).</summary>
public static class ScoringBases
{
    /// <summary>The wire names, in declaration order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["asReported", "asVerified"];

    /// <summary>The wire name of <paramref name="basis"/>.</summary>
    public static string WireName(this ScoringBasis basis) => basis == ScoringBasis.AsVerified ? "asVerified" : "asReported";

    /// <summary>
    /// Reads the <c>basis</c> query option of <paramref name="request"/>: <see cref="ScoringBasis.AsReported"/> when it
    /// is absent or empty; false when it names no basis.
    /// </summary>
    public static bool TryReadOption(HttpRequest request, out ScoringBasis basis)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["basis"].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            basis = ScoringBasis.AsReported;
            return true;
        }

        return TryParse(text, out basis);
    }

    /// <summary>Reads a wire name (case-insensitive; <c>AS_VERIFIED</c> as GraphQL spells it is accepted too); false for anything else.</summary>
    public static bool TryParse(string? text, out ScoringBasis basis)
    {
        switch (text?.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant())
        {
            case "ASREPORTED":
                basis = ScoringBasis.AsReported;
                return true;
            case "ASVERIFIED":
                basis = ScoringBasis.AsVerified;
                return true;
            default:
                basis = default;
                return false;
        }
    }
}
