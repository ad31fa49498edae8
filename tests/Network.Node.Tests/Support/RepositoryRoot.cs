namespace Network.Node.Tests.Support;

/// <summary>The repository this test runs from (the folder holding Network.sln), and the build output of its projects.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The built <c>&lt;project&gt;.dll</c> of a product project, in the same configuration and framework as this test.</summary>
    public static string Assembly(string projectFolder, string name)
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var path = System.IO.Path.Combine(Path, projectFolder, "bin", here.Parent!.Name, here.Name, name + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {name} first (dotnet build Network.sln).", path);
    }

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "Network.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Network.sln not found above " + AppContext.BaseDirectory);
    }
}
