using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Network.Architecture.Tests;

/// <summary>One name, one meaning: no type name is defined twice in product code, nested and private types included.</summary>
public sealed class TypeNameTests
{
    // EF Core tooling names a migration after the change it makes and writes it once per provider (SQLite, SQL Server);
    // the pair is one migration, generated, never written by hand.
    private static readonly string[] GeneratedBaseTypes = ["Microsoft.EntityFrameworkCore.Migrations.Migration", "Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot"];

    [Fact]
    public void No_type_name_is_defined_twice_in_product_code()
    {
        var twice = ProductAssemblies.All
            .SelectMany(WrittenTypes)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => $"{t.FullName} ({t.Assembly.GetName().Name})"))}")
            .ToList();

        Assert.True(twice.Count == 0, "Type names defined more than once:\n" + string.Join("\n", twice));
    }

    // The types a person wrote: not those the compiler or a source generator made (closures, state machines, embedded
    // attributes, regex implementations), not generated migrations, and not each program's entry point (Program).
    private static IEnumerable<Type> WrittenTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t =>
            !t.Name.Contains('<', StringComparison.Ordinal)
            && !IsGenerated(t)
            && t != assembly.EntryPoint?.DeclaringType
            && !GeneratedBaseTypes.Any(b => Inherits(t, b)));

    private static bool IsGenerated(Type type)
    {
        for (var t = type; t is not null; t = t.DeclaringType)
        {
            if (t.IsDefined(typeof(CompilerGeneratedAttribute), false) || t.IsDefined(typeof(GeneratedCodeAttribute), false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Inherits(Type type, string baseTypeName)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.FullName == baseTypeName)
            {
                return true;
            }
        }

        return false;
    }
}
