using Network.Hub.People;

namespace Network.Hub.Pages.Desk;

/// <summary>A desk: a page where a signed-in person does their job, and the policy that opens it.</summary>
/// <param name="Path">The page's address.</param>
/// <param name="Title">Its name on the desk list.</param>
/// <param name="Summary">What one does there.</param>
/// <param name="Policy">The <see cref="PageAccess"/> policy its page requires.</param>
public sealed record DeskLink(string Path, string Title, string Summary, string Policy);

/// <summary>
/// Every desk, in the order <c>/desk</c> lists them; a person sees those their policy allows. A new desk (the verifier's,
/// the analyst's) adds its line here beside its page's <c>[Authorize(Policy = …)]</c>.
/// </summary>
public static class Desks
{
    /// <summary>The desks.</summary>
    public static IReadOnlyList<DeskLink> All { get; } =
    [
        new("/desk/enrollments", "Enrollments", "Nodes and verifiers asking to join with their keys: approve or reject each.", PageAccess.Coordinator),
        new("/desk/people", "People", "Invite people (coordinators, members, cities' analysts, verifiers), see who has an account, remove one.", PageAccess.Coordinator),
        new("/desk/cities", "Cities and keys", "Every member city and its signing keys: register a city, rotate a key (add the new one), revoke one.", PageAccess.Coordinator),
        new("/desk/verifiers", "Verifier assignments", "The verifiers, their keys and the cities each may attest: assign a verifier to a city, end an assignment.", PageAccess.Coordinator),
        new("/desk/target-sets", "Target sets", "The target sets scores are computed against and the KPIs each scores; load a new set from CSV.", PageAccess.Coordinator),
        new("/desk/heat-map", "Strengths and gaps", "Every city's mean standing per category, strengths and gaps marked, for a period.", PageAccess.Coordinator),
        new("/desk/pairing", "Network pairing", "Every city paired with one learning partner for the largest total mutual benefit, with the reasons.", PageAccess.Coordinator),
        new("/desk/thin-kpis", "Thinly reported KPIs", "The KPIs few cities report, where standings say little.", PageAccess.Coordinator),
        new("/desk/verification", "Verification", "The snapshots of your cities waiting for your verdicts, a verdict form per snapshot, your question threads with the cities.", PageAccess.Verifier),
        new("/desk/city", "Your city", "What your city sent and how it stands (accepted, superseded, refused with reasons), its values with notes, and your verifiers' questions to answer.", PageAccess.Analyst),
        new("/account", "Your account", "Your role, your password and authenticator codes.", PageAccess.SignedIn),
    ];
}
