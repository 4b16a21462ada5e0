namespace TrtOrleans.Gateway.Tests;

/// <summary>Files of the repository, found from the test's output folder (the folder holding TrtOrleans.sln).</summary>
internal static class RepoPaths
{
    public static readonly string Root = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
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
