namespace TrtOrleans.Deploy.Tests;

/// <summary>Locates files of the repository from the test output folder.</summary>
internal static class RepoFiles
{
    /// <summary>The repository root: the nearest ancestor of the test binaries holding TrtOrleans.sln.</summary>
    public static string Root { get; } = FindRoot();

    public static string DeployDir => Path.Combine(Root, "deploy");

    public static string K8sDir => Path.Combine(DeployDir, "k8s");

    public static string Deploy(string relative) => Path.Combine(DeployDir, relative);

    public static string ReadDeploy(string relative) => File.ReadAllText(Deploy(relative));

    private static string FindRoot()
    {
        // Tests read the checked-in files rather than copies, so that what is validated is
        // exactly what an operator runs.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrtOrleans.sln")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new InvalidOperationException("TrtOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
