namespace Network.Architecture.Tests;

/// <summary>
/// The engine is pure (plain data in, results out), and hub and node meet only in what they share under
/// <c>contracts/</c>: neither references the other.
/// </summary>
public sealed class ApplicationTests
{
    [Fact]
    public void The_engine_depends_on_the_contracts_and_the_base_class_library_alone()
    {
        DependencyRule.OnlyOn(ProductAssemblies.Engine, "System", "Network.Contracts", "Network.Benchmarking");
    }

    [Fact]
    public void The_hub_does_not_depend_on_the_node()
    {
        DependencyRule.NoneOn(ProductAssemblies.Hub, "Network.Node");
    }

    [Fact]
    public void The_node_does_not_depend_on_the_hub_or_the_engine()
    {
        foreach (var assembly in ProductAssemblies.Node)
        {
            DependencyRule.NoneOn(assembly, "Network.Hub", "Network.Benchmarking");
        }
    }
}
