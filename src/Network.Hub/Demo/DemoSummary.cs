using System.Globalization;
using System.Text;

namespace Network.Hub.Demo;

/// <summary>What the demo network did: one outcome per city.</summary>
/// <param name="Outcomes">Per city: the snapshot it published and the hub's answer.</param>
/// <param name="Verification">What the demo verifier did, in words.</param>
public sealed record DemoSummary(IReadOnlyList<DemoOutcome> Outcomes, string Verification = "")
{
    /// <summary>The summary printed at start-up.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine();
        text.AppendLine(culture, $"  Demo network: {Outcomes.Count} in-process city nodes signed their snapshots and published them over the in-memory bus");
        foreach (var o in Outcomes)
        {
            text.AppendLine(culture, $"    {o.City.Id,-12} {o.City.Name,-28} {o.City.Period}  {o.Values,3} values  {o.Answer}");
        }

        if (Verification.Length > 0)
        {
            text.AppendLine(culture, $"  {Verification}");
        }

        text.AppendLine("  Look at them: /api/cities, /api/cities/NO-5001/snapshots, /api/verifiers");
        return text.ToString();
    }
}

/// <summary>One demo city's publication.</summary>
/// <param name="City">The city.</param>
/// <param name="SnapshotId">The snapshot it published.</param>
/// <param name="Values">How many values.</param>
/// <param name="Answer">The hub's answer, in words.</param>
public sealed record DemoOutcome(DemoCity City, Guid SnapshotId, int Values, string Answer);
