using StackExchange.Redis;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Parses the plan's REDIS_URL: <c>redis://[[user]:password@]host:port[/db]</c>, <c>rediss://</c> for TLS.
/// For a Redis Cluster list several seed nodes, comma-separated, after the first:
/// <c>redis://[auth@]host1:port1,host2:port2,host3:port3</c> (StackExchange.Redis discovers the rest and follows
/// MOVED; a cluster has database 0 only). A plain StackExchange.Redis configuration string
/// ("host:port,host:port,password=…") is accepted too.</summary>
public static class RedisUrl
{
    public static ConfigurationOptions Parse(string value)
    {
        ConfigurationOptions options;
        if (value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            var (first, seeds) = SplitSeeds(value);
            var uri = new Uri(first);
            options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
            foreach (var seed in seeds)
            {
                options.EndPoints.Add(seed);
            }

            if (uri.UserInfo.Length > 0)
            {
                var parts = uri.UserInfo.Split(':', 2);
                if (parts.Length == 2)
                {
                    if (parts[0].Length > 0)
                    {
                        options.User = Uri.UnescapeDataString(parts[0]);
                    }

                    options.Password = Uri.UnescapeDataString(parts[1]);
                }
                else
                {
                    options.Password = Uri.UnescapeDataString(parts[0]);
                }
            }

            var path = uri.AbsolutePath.Trim('/');
            if (path.Length > 0)
            {
                options.DefaultDatabase = int.Parse(path, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        else
        {
            options = ConfigurationOptions.Parse(value);
        }

        // Keep retrying in the background instead of failing start-up or a call forever: Redis coming back must heal
        // the service by itself (503 while it is away).
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 5000;
        options.AsyncTimeout = 5000;
        return options;
    }

    /// <summary>Splits <c>scheme://auth@h1:p1,h2:p2,h3:p3/db</c> into the URL of the first node (with the auth and
    /// the path) and the further <c>host:port</c> seeds; a further seed may repeat the scheme.</summary>
    private static (string First, List<string> Seeds) SplitSeeds(string value)
    {
        value = System.Text.RegularExpressions.Regex.Replace(value, ",\\s*rediss?://", ",", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal) + 3;
        var pathStart = value.IndexOf('/', schemeEnd);
        var authority = pathStart < 0 ? value[schemeEnd..] : value[schemeEnd..pathStart];
        var path = pathStart < 0 ? "" : value[pathStart..];
        var at = authority.LastIndexOf('@');
        var hosts = authority[(at + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (hosts.Length == 0)
        {
            throw new FormatException("REDIS_URL names no host.");
        }

        var seeds = hosts.Skip(1).ToList();
        return (value[..schemeEnd] + authority[..(at + 1)] + hosts[0] + path, seeds);
    }
}
