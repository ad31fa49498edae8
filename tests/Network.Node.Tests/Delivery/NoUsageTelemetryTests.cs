using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Network.Node.Workspace.Delivery;

namespace Network.Node.Tests.Delivery;

/// <summary>
/// The node makes no outbound call its operator did not configure (issue 11, class 12). MassTransit's usage telemetry
/// (a report to the vendor's server after the bus starts) lives in its dependency-injection registration
/// (<c>AddMassTransit</c>: the usage tracker shapes every bus that registration creates). The node builds its one bus
/// with <c>Bus.Factory.CreateUsingRabbitMq</c>, outside any container, where no usage tracker exists. This test keeps
/// it so: a node that starts registering MassTransit in a container must switch the telemetry off
/// (<c>DisableUsageTelemetry()</c>, as the hub does) and change this test.
/// </summary>
public sealed class NoUsageTelemetryTests
{
    [Fact]
    public void The_node_builds_its_bus_with_the_bus_factory_and_registers_no_MassTransit_container()
    {
        var called = new[] { typeof(RabbitMqHubConnection).Assembly, typeof(Network.Node.Cli.Terminal).Assembly }
            .SelectMany(CalledMethods)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("CreateUsingRabbitMq", called);
        Assert.DoesNotContain("AddMassTransit", called);
        Assert.DoesNotContain("AddMassTransitHostedService", called);
    }

    // The names of the methods of other assemblies an assembly calls, from its metadata (member references).
    private static IEnumerable<string> CalledMethods(System.Reflection.Assembly assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly.Location));
        var metadata = pe.GetMetadataReader();
        return [.. metadata.MemberReferences.Select(handle => metadata.GetString(metadata.GetMemberReference(handle).Name))];
    }
}
