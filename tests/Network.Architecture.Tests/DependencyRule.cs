using System.Reflection;
using NetArchTest.Rules;

namespace Network.Architecture.Tests;

/// <summary>Dependency rules: forbidden namespaces (NetArchTest, per type) and allowed assemblies (per reference).</summary>
internal static class DependencyRule
{
    /// <summary>Fails when a type of <paramref name="assembly"/> uses a namespace starting with any of <paramref name="forbidden"/>.</summary>
    public static void NoneOn(Assembly assembly, params string[] forbidden)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful,
            $"{assembly.GetName().Name} must not depend on {string.Join(", ", forbidden)}, but these types do: {Failing(result)}");
    }

    /// <summary>
    /// Fails when <paramref name="assembly"/> references an assembly other than those named in
    /// <paramref name="allowed"/>; a name allows itself and the assemblies under it (<c>System</c> allows
    /// <c>System.Runtime</c>). The compiler records only the assemblies the code uses, so this is the full list of what
    /// the assembly depends on. (NetArchTest's OnlyHaveDependenciesOn cannot be used for this: it counts the helper
    /// types the compiler emits into the global namespace, such as collection-expression backing types, as foreign.)
    /// </summary>
    public static void OnlyOn(Assembly assembly, params string[] allowed)
    {
        var foreign = assembly.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => !allowed.Any(a => name == a || name.StartsWith(a + ".", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(foreign.Count == 0,
            $"{assembly.GetName().Name} may depend only on {string.Join(", ", allowed)}, but it references {string.Join(", ", foreign)}");
    }

    private static string Failing(NetArchTest.Rules.TestResult result) => string.Join(", ", result.FailingTypeNames ?? []);
}
