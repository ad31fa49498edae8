using Network.Hub.Storage;

namespace Network.Hub.Pages.Desk;

/// <summary>An enrollment request in words, for the coordinator's desk.</summary>
internal static class EnrollmentWords
{
    /// <summary>Whose request: "Trondheim (NO-5001), a city's node" or "Demo Verification AS (demo-verifier), a verifier".</summary>
    public static string Who(EnrollmentRecord e) => e.Kind == EnrollmentKind.Verifier
        ? $"{e.Organisation} ({e.VerifierId}), a verifier"
        : $"{e.CityName} ({e.CityId}), a city's node";

    /// <summary>The decision: "approved", "rejected: reason" or "waiting".</summary>
    public static string Decision(EnrollmentRecord e) => e.Status switch
    {
        EnrollmentStatus.Approved => "approved",
        EnrollmentStatus.Rejected => $"rejected: {e.Reason}",
        _ => "waiting",
    };
}
