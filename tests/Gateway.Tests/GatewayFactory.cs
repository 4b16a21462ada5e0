using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrtOrleans.TestSupport;

namespace TrtOrleans.Gateway.Tests;

/// <summary>The real gateway (Program) in its embedded developer mode — an in-process silo with in-memory storage —
/// on free ports. <see cref="WithRedis"/> runs the same silo on a real redis-server instead.</summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "admin-key-for-tests";
    public const string ClientKeyA = "client-key-a";
    public const string ClientKeyB = "client-key-b";

    protected virtual bool WithRedis => false;

    protected virtual bool WithKeys => false;

    /// <summary>With Redis, the test key ring (a silo on Redis refuses to start without one).</summary>
    protected virtual bool WithKeyRing => true;

    public int RedisDatabase { get; private set; }

    /// <summary>Settings applied last (they override the defaults above).</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString());
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString());
        builder.UseSetting("Orleans:ClusterId", "gw-test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Orleans:ServiceId", "gw-test-" + Guid.NewGuid().ToString("N")[..8]);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (WithRedis)
        {
            RedisDatabase = RedisServer.Shared.AllocateDatabase();
            builder.UseSetting("REDIS_URL", RedisServer.Shared.Url(RedisDatabase));
            builder.UseSetting("Gateway:EmbeddedSilo", "true");
            if (WithKeyRing)
            {
                builder.UseSetting(TestKeyRing.Setting.Key, TestKeyRing.Setting.Value);
            }
        }

        if (WithKeys)
        {
            var keys = new[] { ("admin-1", "admin", AdminKey), ("app-a", "client", ClientKeyA), ("app-b", "client", ClientKeyB) };
            for (var i = 0; i < keys.Length; i++)
            {
                builder.UseSetting($"Auth:Keys:{i}:ClientId", keys[i].Item1);
                builder.UseSetting($"Auth:Keys:{i}:Role", keys[i].Item2);
                builder.UseSetting($"Auth:Keys:{i}:Sha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys[i].Item3))));
            }
        }

        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        return client;
    }
}

/// <summary>A gateway built for one test with its own settings (start-up checks, limits, CORS).</summary>
public sealed class ConfiguredGatewayFactory(bool keys, IReadOnlyDictionary<string, string?> settings) : GatewayFactory
{
    protected override bool WithKeys => keys;

    protected override IReadOnlyDictionary<string, string?> ExtraSettings => settings;
}

public sealed class RedisGatewayFactory : GatewayFactory
{
    protected override bool WithRedis => true;
}

public sealed class SecuredGatewayFactory : GatewayFactory
{
    protected override bool WithKeys => true;
}

internal static class Http
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string body, string contentType = "application/json")
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(url, content);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    public static string NewId() => "s_" + Guid.NewGuid().ToString("N")[..16];
}
