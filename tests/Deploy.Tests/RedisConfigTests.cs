namespace TrtOrleans.Deploy.Tests;

/// <summary>deploy/redis.conf keeps session state durable and never evicts it.</summary>
public sealed class RedisConfigTests
{
    private readonly Dictionary<string, string> _settings = RepoFiles.ReadDeploy("redis.conf")
        .Split('\n')
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split(' ', 2))
        .GroupBy(p => p[0])
        .ToDictionary(g => g.Key, g => g.Last().Length > 1 ? g.Last()[1] : "");

    [Theory]
    [InlineData("appendonly", "yes")]
    [InlineData("appendfsync", "everysec")]
    [InlineData("protected-mode", "yes")]
    [InlineData("maxmemory-policy", "noeviction")]
    [InlineData("dir", "/data")]
    public void Sets(string key, string value)
    {
        Assert.True(_settings.TryGetValue(key, out var actual), $"{key} not set");
        Assert.Equal(value, actual);
    }

    [Fact]
    public void Keeps_no_password_in_the_file()
    {
        Assert.False(_settings.ContainsKey("requirepass"));
        Assert.Contains("requirepass", RepoFiles.ReadDeploy("redis.conf"));
    }
}
