using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace Network.Hub.Tests.Pages.Accessibility;

/// <summary>
/// Every page, as the person it is for sees it, checked in a real browser by axe (Deque's axe-core) against the rules of
/// WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (heading order, landmarks, one main, one h1):
/// no violation on any page. One hub and one browser for all of them.
/// </summary>
public sealed class AccessibilityTests(AccessibilityHub network) : IClassFixture<AccessibilityHub>
{
    /// <summary>
    /// The axe tags checked: WCAG 2.0, 2.1 and 2.2 at levels A and AA (2.2's new AA rule in axe is target-size), and
    /// best-practice, where axe keeps heading order, landmarks and the page's one h1, which WCAG leaves to judgement.
    /// </summary>
    public static readonly IReadOnlyList<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

    /// <summary>
    /// Each page, and each page's answer to bad input (a field's problem is words next to the field, which must be
    /// tied to it): who it is for and its address (<c>{snapshot}</c> and <c>{enrollment}</c> stand for the hub's own).
    /// </summary>
    public static TheoryData<string, string> Pages { get; } = new()
    {
        { "anonymous", "/cities" },
        { "anonymous", "/cities?size=huge&coverage=200" },
        { "anonymous", "/cities/NO-5001" },
        { "anonymous", "/cities/XX-0000" },
        { "anonymous", "/compare" },
        { "anonymous", "/compare?cities=NO-5001&cities=NO-4601&cities=SE-0180&categories=EC-ICT-ICT&kpis=EC-P-EM-1C" },
        { "anonymous", "/compare?cities=NO-5001" },
        { "anonymous", "/compare?cities=NO-5001&period=soon&kpis=XX-1" },
        { "anonymous", "/partners" },
        { "anonymous", "/partners?city=NO-5001" },
        { "anonymous", "/partners?city=NO-5001&economy=11&partners=50" },
        { "anonymous", "/sign-in" },
        { "anonymous", "/access-denied" },
        { "anonymous", "/not-found" },
        { "anonymous", "/invitations/no-such-invitation" },
        { "coordinator", "/account" },
        { "coordinator", "/desk" },
        { "coordinator", "/desk/enrollments" },
        { "coordinator", "/desk/enrollments/{enrollment}" },
        { "coordinator", "/desk/people" },
        { "coordinator", "/desk/cities" },
        { "coordinator", "/desk/verifiers" },
        { "coordinator", "/desk/target-sets" },
        { "coordinator", "/desk/heat-map" },
        { "coordinator", "/desk/pairing" },
        { "coordinator", "/desk/thin-kpis" },
        { "verifier", "/desk/verification" },
        { "verifier", "/desk/verification/snapshots/{snapshot}" },
        { "verifier", "/desk/verification/snapshots/{snapshot}/questions" },
        { "analyst", "/desk/city" },
        { "analyst", "/cities/NO-5001" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_page_has_no_WCAG_AA_violation_axe_finds(string person, string path)
    {
        var browser = await network.AsAsync(person);
        var address = path.Replace("{snapshot}", network.Snapshot.ToString(), StringComparison.Ordinal)
            .Replace("{enrollment}", network.Enrollment.ToString(), StringComparison.Ordinal);
        await browser.Page.GotoAsync(network.Hub.Root + address);
        if (path != "/sign-in")
        {
            // The page itself, not the sign-in form it would send a stranger to.
            Assert.DoesNotContain("/sign-in", browser.Page.Url, StringComparison.Ordinal);
        }

        var result = await browser.Page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags([.. Tags]) });

        Assert.NotEmpty(result.Passes);
        Assert.True(result.Violations.Length == 0, $"axe found on {address} as {person}:{Environment.NewLine}"
            + string.Join(Environment.NewLine, result.Violations.Select(Describe)));
    }

    // One line per rule broken: its id, impact and help, the first elements that break it and why the first does.
    private static string Describe(AxeResultItem rule)
    {
        const int Shown = 5;
        var targets = string.Join("; ", rule.Nodes.Take(Shown).Select(node => node.Target.ToString()));
        var more = rule.Nodes.Length > Shown ? $" and {rule.Nodes.Length - Shown} more" : string.Empty;
        var first = rule.Nodes.FirstOrDefault();
        var why = first is null ? string.Empty : string.Join(" ", first.Any.Concat(first.All).Concat(first.None).Select(check => check.Message).Distinct());
        return $"- {rule.Id} ({rule.Impact}): {rule.Help} at {targets}{more}. {why}";
    }
}
