using System.Diagnostics;

namespace TrtOrleans.Gateway.Tests;

/// <summary>The real processes, as an operator starts them: on Redis without a key ring the silo, and the gateway with
/// an embedded silo, exit with code 2 and one stderr line naming the settings. No Redis is needed: the check comes
/// before the first connection.</summary>
public sealed class KeyRingRequiredProcessTests
{
    [Theory]
    [InlineData("TrtOrleans.Silo.dll", "trt-silo")]
    [InlineData("TrtOrleans.Gateway.dll", "trt-gateway")]
    public async Task OnRedisWithoutAKeyRingTheProcessExitsWithOneLine(string dll, string name)
    {
        var workDir = Directory.CreateTempSubdirectory("trt-keyring-proc-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir, // no appsettings.json of the repository
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }

        info.Environment["REDIS_URL"] = "redis://127.0.0.1:1/0";
        info.Environment["Gateway__EmbeddedSilo"] = "true";
        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{TrtOrleans.TestSupport.FreePort.Next()}";

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Directory.Delete(workDir, recursive: true);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single((await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"{name}: Storage:Encryption: REDIS_URL is set but no key ring is configured", line, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", await stdout, StringComparison.Ordinal);
    }
}
