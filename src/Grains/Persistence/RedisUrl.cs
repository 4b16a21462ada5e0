using StackExchange.Redis;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Parses the plan's REDIS_URL: <c>redis://[[user]:password@]host:port[/db]</c>, <c>rediss://</c> for TLS.
/// A plain StackExchange.Redis configuration string ("host:port,password=…") is accepted too.</summary>
public static class RedisUrl
{
    public static ConfigurationOptions Parse(string value)
    {
        ConfigurationOptions options;
        if (value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) ||
            value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            var uri = new Uri(value);
            options = new ConfigurationOptions { Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase) };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
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
}
