namespace Network.Benchmarking.Matching;

/// <summary>
/// Every city of a group paired with at most one learning partner so that the total mutual benefit is as large as
/// possible (a maximum-weight matching, exact; see <see cref="MaximumWeightMatching"/>).
/// </summary>
/// <param name="Pairs">The pairs, each explained; the city with the smaller id is <see cref="ComplementaryMatch.CityId"/>.</param>
/// <param name="Unpaired">Cities left single: no partner with enough overlap and benefit both ways, or pairing them
/// would have cost more elsewhere (and, in an odd group, at least one).</param>
/// <param name="TotalMutual">The sum of the pairs' mutual benefit.</param>
/// <param name="CandidatePairs">How many pairs qualified as edges (enough overlap, positive mutual benefit).</param>
public sealed record Pairing(
    IReadOnlyList<ComplementaryMatch> Pairs,
    IReadOnlyList<string> Unpaired,
    double TotalMutual,
    int CandidatePairs);
