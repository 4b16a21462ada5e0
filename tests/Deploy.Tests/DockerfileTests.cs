using System.Text.RegularExpressions;

namespace TrtOrleans.Deploy.Tests;

/// <summary>Shape of the silo and gateway Dockerfiles (no Docker engine runs here to build them).</summary>
public sealed class DockerfileTests
{
    [Theory]
    [InlineData("Dockerfile.silo", "src/Silo/Silo.csproj", "TrtOrleans.Silo.dll")]
    [InlineData("Dockerfile.gateway", "src/Gateway/Gateway.csproj", "TrtOrleans.Gateway.dll")]
    public void Builds_with_the_sdk_and_runs_on_the_aspnet_runtime(string file, string project, string dll)
    {
        var text = RepoFiles.ReadDeploy(file);
        var froms = Regex.Matches(text, @"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", RegexOptions.Multiline);

        Assert.Equal(2, froms.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", froms[0].Groups[1].Value);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", froms[1].Groups[1].Value);
        Assert.Contains($"COPY --from={froms[0].Groups[2].Value} ", text);
        Assert.Contains($"dotnet publish {project}", text);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"{dll}\"]", text);
    }

    [Theory]
    [InlineData("Dockerfile.silo")]
    [InlineData("Dockerfile.gateway")]
    public void Runtime_stage_runs_as_a_non_root_user(string file)
    {
        var runtime = RuntimeStage(file);
        var user = Regex.Match(runtime, @"^USER\s+(\S+)", RegexOptions.Multiline);

        Assert.True(user.Success, "no USER in the runtime stage");
        Assert.DoesNotMatch("^(root|0)(:.*)?$", user.Groups[1].Value);
        // USER must come after the last RUN that needs root (apt-get).
        Assert.True(runtime.IndexOf("USER ", StringComparison.Ordinal) > runtime.LastIndexOf("RUN ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Dockerfile.silo")]
    [InlineData("Dockerfile.gateway")]
    public void Runtime_stage_health_checks_readiness(string file)
    {
        var runtime = RuntimeStage(file);

        Assert.Matches(new Regex(@"HEALTHCHECK[^\n]*\\\n\s+CMD curl -fsS http://127\.0\.0\.1:8080/health/ready"), runtime);
        Assert.Contains("ASPNETCORE_URLS=http://+:8080", runtime);
    }

    [Theory]
    [InlineData("Dockerfile.silo")]
    [InlineData("Dockerfile.gateway")]
    public void Every_project_file_copied_for_restore_exists(string file)
    {
        var text = RepoFiles.ReadDeploy(file);

        foreach (Match copy in Regex.Matches(text, @"^COPY (src/\S+\.csproj) ", RegexOptions.Multiline))
        {
            Assert.True(File.Exists(Path.Combine(RepoFiles.Root, copy.Groups[1].Value)), copy.Groups[1].Value);
        }
    }

    [Theory]
    [InlineData("Dockerfile.silo")]
    [InlineData("Dockerfile.gateway")]
    public void Host_build_output_is_kept_out_of_the_build_context(string file)
    {
        var ignore = RepoFiles.ReadDeploy(file + ".dockerignore");

        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
    }

    private static string RuntimeStage(string file)
    {
        var text = RepoFiles.ReadDeploy(file);
        return text[text.LastIndexOf("\nFROM ", StringComparison.Ordinal)..];
    }
}
