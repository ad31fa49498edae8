using System.Reflection;

namespace Network.Architecture.Tests;

/// <summary>The product's assemblies, by where they sit in the tree. Tests and tools are not product code.</summary>
internal static class ProductAssemblies
{
    /// <summary>Everything under <c>contracts/</c>: what node and hub share.</summary>
    public static Assembly Contracts { get; } = Load("Network.Contracts");

    /// <summary>contracts/Network.Messaging: the RabbitMQ answer topology, for MassTransit.</summary>
    public static Assembly Messaging { get; } = Load("Network.Messaging");

    /// <summary>contracts/Network.Spreadsheets: the small XLSX writer.</summary>
    public static Assembly Spreadsheets { get; } = Load("Network.Spreadsheets");

    /// <summary>contracts/Network.ValueFiles: value files (CSV, XLSX) read into KPI values.</summary>
    public static Assembly ValueFiles { get; } = Load("Network.ValueFiles");

    /// <summary>src/Network.Benchmarking: the engine.</summary>
    public static Assembly Engine { get; } = Load("Network.Benchmarking");

    /// <summary>src/Network.Hub.</summary>
    public static Assembly Hub { get; } = Load("Network.Hub");

    /// <summary>nodes/Network.Node.Workspace and nodes/Network.Node (the command-line program).</summary>
    public static IReadOnlyList<Assembly> Node { get; } = [Load("Network.Node.Workspace"), Load("Network.Node")];

    /// <summary>Every assembly under <c>contracts/</c>.</summary>
    public static IReadOnlyList<Assembly> Shared { get; } = [Contracts, Messaging, Spreadsheets, ValueFiles];

    /// <summary>All product code: contracts/, src/, nodes/.</summary>
    public static IReadOnlyList<Assembly> All { get; } = [.. Shared, Engine, Hub, .. Node];

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));
}
