using Network.Contracts.Attestations;

namespace Network.ValueFiles;

/// <summary>What a verifier's filled verdict sheet says: the verdicts to sign and the questions to ask the city.</summary>
/// <param name="Snapshot">The snapshot the sheet judges.</param>
/// <param name="Verdicts">One verdict per row with a verdict, in sheet order, bound to the snapshot's value
/// (its exact number and unit); values left without a verdict are not in the list.</param>
/// <param name="Questions">The questions of the rows with the verdict <c>question</c>, in sheet order.</param>
public sealed record FilledVerdictSheet(JudgedSnapshot Snapshot, IReadOnlyList<Verdict> Verdicts, IReadOnlyList<SheetQuestion> Questions);
