using System.Runtime;
using System.Runtime.InteropServices;

namespace Network.Performance;

/// <summary>What a benchmark's numbers depend on besides the code: the machine, the runtime and how busy the machine is.</summary>
public static class MachineInfo
{
    /// <summary>One line per fact, as markdown list items.</summary>
    public static IEnumerable<string> Describe()
    {
        yield return $"- CPU: {Environment.ProcessorCount} cores, {CpuModel()}";
        yield return $"- OS: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"- .NET: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC";
        yield return $"- load average (1, 5, 15 min) now: {LoadAverage()}";
    }

    /// <summary>The load average line of <c>/proc/loadavg</c>'s first three fields, or "unknown" off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string CpuModel()
    {
        const string Prefix = "model name";
        return File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown model"
            : RuntimeInformation.ProcessArchitecture.ToString();
    }
}
