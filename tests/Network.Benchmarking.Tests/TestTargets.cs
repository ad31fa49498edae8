using Network.Benchmarking.Targets;
using Network.Contracts.Results;

namespace Network.Benchmarking.Tests;

/// <summary>Test-only target sets, written as the CSV a coordinator would load.</summary>
internal static class TestTargets
{
    public const string Header = "kpi,dataPoint,target,source,note";

    /// <summary>A set from rows under the standard header; fails the test if the rows are refused.</summary>
    public static TargetSet Of(params string[] rows) =>
        TargetSet.Parse(new StringReader(Header + "\n" + string.Join('\n', rows)), "test", "1").Value;

    public static Result<TargetSet, TargetSetError> Parse(string csv) => TargetSet.Parse(new StringReader(csv), "test", "1");
}
