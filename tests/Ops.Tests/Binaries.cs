namespace TrtOrleans.Ops.Tests;

/// <summary>The built gateway and silo next to their appsettings.json, in the configuration this test was built in.</summary>
internal static class Binaries
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Gateway => Dll("Gateway", "TrtOrleans.Gateway.dll");

    public static string Silo => Dll("Silo", "TrtOrleans.Silo.dll");

    private static string Dll(string project, string file)
    {
        // bin/<Configuration>/net10.0/ of this test assembly names the configuration.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepoRoot, "src", project, "bin", configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{file} is not built at {path}");
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrtOrleans.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TrtOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
