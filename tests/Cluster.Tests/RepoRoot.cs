namespace TrtOrleans.Cluster.Tests;

/// <summary>The repository root: the nearest ancestor of the test binaries that holds TrtOrleans.sln. The tests run
/// the checked-in deploy/local-cluster.sh, so what they exercise is exactly what an operator runs.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string Script => System.IO.Path.Combine(Path, "deploy", "local-cluster.sh");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TrtOrleans.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("TrtOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
