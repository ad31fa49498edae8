using Network.Hub.Storage;

namespace Network.Hub.Ingestion;

/// <summary>A signed snapshot as it arrives at either door.</summary>
/// <param name="Jws">The compact JWS as received.</param>
/// <param name="Door">Which door.</param>
/// <param name="NodeCityId">The sending node's city (bus door), for routing the answer; never trusted for acceptance.</param>
public sealed record Submission(string Jws, SubmissionDoor Door, string? NodeCityId = null);
