namespace Network.Architecture.Tests;

/// <summary>
/// What the libraries under <c>contracts/</c> may depend on. They are shared by node and hub, so they carry neither's
/// frameworks: no ASP.NET Core, no EF Core, no database driver, no MassTransit (except the messaging library, whose
/// whole point is the MassTransit topology), and neither the hub, the node nor the engine.
/// </summary>
public sealed class SharedLibraryTests
{
    private static readonly string[] HostFrameworks = ["Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "Microsoft.Data", "OpenIddict", "GraphQL"];
    private static readonly string[] Applications = ["Network.Hub", "Network.Node", "Network.Benchmarking"];

    [Fact]
    public void No_shared_library_depends_on_a_web_or_database_framework()
    {
        foreach (var assembly in ProductAssemblies.Shared)
        {
            DependencyRule.NoneOn(assembly, HostFrameworks);
        }
    }

    [Fact]
    public void No_shared_library_depends_on_the_hub_the_node_or_the_engine()
    {
        foreach (var assembly in ProductAssemblies.Shared)
        {
            DependencyRule.NoneOn(assembly, Applications);
        }
    }

    [Fact]
    public void Only_the_messaging_library_depends_on_MassTransit()
    {
        foreach (var assembly in ProductAssemblies.Shared.Where(a => a != ProductAssemblies.Messaging))
        {
            DependencyRule.NoneOn(assembly, "MassTransit", "RabbitMQ");
        }
    }

    [Fact]
    public void The_contracts_depend_on_the_base_class_library_and_CsvHelper_alone()
    {
        // CsvHelper: the product's one CSV reader (Network.Contracts.Csv.CsvText) wraps it, so the engine, which may use
        // nothing but the contracts, reads target sets through the same reader as the node reads value files.
        DependencyRule.OnlyOn(ProductAssemblies.Contracts, "System", "Network.Contracts", "CsvHelper");
    }

    [Fact]
    public void The_messaging_library_depends_on_the_contracts_and_MassTransit_alone()
    {
        DependencyRule.OnlyOn(ProductAssemblies.Messaging, "System", "Network.Contracts", "Network.Messaging", "MassTransit");
    }

    [Fact]
    public void The_spreadsheet_writer_depends_on_the_Open_XML_SDK_alone()
    {
        DependencyRule.OnlyOn(ProductAssemblies.Spreadsheets, "System", "Network.Spreadsheets", "DocumentFormat.OpenXml");
    }

    [Fact]
    public void The_value_file_reader_depends_on_the_contracts_the_spreadsheet_writer_and_the_Open_XML_SDK_alone()
    {
        // The spreadsheet writer: the verdict sheet (VerdictSheet) is written as XLSX through it.
        DependencyRule.OnlyOn(ProductAssemblies.ValueFiles, "System", "Network.Contracts", "Network.Spreadsheets", "Network.ValueFiles", "DocumentFormat.OpenXml");
    }
}
