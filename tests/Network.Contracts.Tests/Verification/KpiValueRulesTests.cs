using Network.Contracts.Catalogue;
using Network.Contracts.Snapshots;
using Network.Contracts.Verification;

namespace Network.Contracts.Tests.Verification;

/// <summary>The value rules run one value at a time, as a value file is read: fields name the value's member, duplicates name the first place.</summary>
public sealed class KpiValueRulesTests
{
    private static readonly SnapshotRules Rules = new(KpiCatalogue.Default, TimeProvider.System);

    [Fact]
    public void A_refusal_names_the_member_of_the_value()
    {
        var problems = Rules.ForValues().Check(new KpiValue("EC-P-EM-1C", null, 1.34, "percent", DataQuality.Measured, "Trondheim kommune", "SSB"), "line 2");

        var problem = Assert.Single(problems);
        Assert.Equal((RejectionReason.WrongUnit, "unit"), (problem.Reason, problem.Field));
    }

    [Fact]
    public void A_kpi_reported_twice_is_refused_naming_where_it_was_first_reported()
    {
        var rules = Rules.ForValues();
        var value = new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Trondheim kommune", "SSB");

        Assert.Empty(rules.Check(value, "line 2"));
        var problem = Assert.Single(rules.Check(value, "line 5"));

        Assert.Equal((RejectionReason.DuplicateKpi, "kpi"), (problem.Reason, problem.Field));
        Assert.StartsWith("EC-P-EM-1C is already reported at line 2;", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snapshot_rules_put_the_values_path_before_each_member()
    {
        var value = new KpiValue("EC-P-EM-1C", null, 1.34, "%", DataQuality.Measured, "Trondheim kommune", "SSB");
        var snapshot = new Snapshot(Guid.NewGuid(), "NO-5001", 2020, SnapshotStatus.Final, null, DateTimeOffset.UtcNow.AddDays(-1),
            KpiCatalogue.CurrentVersion, [value, value with { Unit = "percent" }]);

        var problems = Rules.Check(snapshot);

        Assert.Equal(
            [(RejectionReason.DuplicateKpi, "$.values[1].kpi"), (RejectionReason.WrongUnit, "$.values[1].unit")],
            problems.Select(p => (p.Reason, p.Field)));
        Assert.Contains("already reported at $.values[0];", problems[0].Message, StringComparison.Ordinal);
    }
}
