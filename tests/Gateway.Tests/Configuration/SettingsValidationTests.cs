using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using TrtOrleans.Gateway.Hosting;

namespace TrtOrleans.Gateway.Tests.Configuration;

/// <summary>Wrong settings stop the gateway (and its embedded silo) at start with a message naming the setting.</summary>
public sealed class SettingsValidationTests
{
    [Theory]
    [InlineData("Sessions:RateLimit", "0", "Sessions:RateLimit must be at least 1")]
    [InlineData("Sessions:StorageBackstop", "01:00:00", "Sessions:StorageBackstop must be longer than Sessions:Expiry")]
    [InlineData("Sessions:CleanupPeriod", "00:00:10", "Sessions:CleanupPeriod must be at least 00:01:00")]
    [InlineData("Orleans:AdvertisedIp", "not-an-ip", "Orleans:AdvertisedIp must be an IP address")]
    [InlineData("Orleans:NumMissedProbesLimit", "0", "Orleans:NumMissedProbesLimit must be at least 1")]
    [InlineData("Llm:CallTimeoutSeconds", "0", "Llm:CallTimeoutSeconds must be positive")]
    [InlineData("OLLAMA_BASE_URL", "ollama:11434", "Ollama:BaseUrl (OLLAMA_BASE_URL) must be an http:// or https:// URL")]
    [InlineData("Rag:MinScore", "2", "Rag:MinScore must be from 0 to 1")]
    [InlineData("Rag:ExtraCorpusDirectory", "/no/such/folder", "Rag:ExtraCorpusDirectory '/no/such/folder' does not exist")]
    [InlineData("Gateway:ClientLimit:PermitsPerMinute", "0", "Gateway:ClientLimit:PermitsPerMinute must be at least 1")]
    [InlineData("Auth:Keys:0:Sha256", "abc", "Auth:Keys:0:Sha256 must be the lower-case hex SHA-256 of the key")]
    [InlineData("Sessions:CrisisBypassLimit", "-1", "Sessions:CrisisBypassLimit must be 0 or more")]
    [InlineData("Sessions:MaxLiveSessionsPerClient", "-1", "Sessions:MaxLiveSessionsPerClient must be 0 (no quota) or more")]
    [InlineData("Storage:IndexShards", "0", "Storage:IndexShards must be from 1 to 16384")]
    [InlineData("Storage:CompressionLevel", "0", "Storage:CompressionLevel must be from 1 to 19")]
    [InlineData("Storage:RecordCompressionLevel", "20", "Storage:RecordCompressionLevel must be from 1 to 19")]
    [InlineData("Storage:KeyPrefix", "trt:{x}:", "Storage:KeyPrefix must not contain '{' or '}'")]
    [InlineData("Audit:SessionRefKey", "too-short", "Audit:SessionRefKey must be at least 32 characters (got 9)")]
    [InlineData("Audit:Retention", "00:00:00", "Audit:Retention must be positive")]
    [InlineData("Gateway:AuthFailures:MaxFailures", "0", "Gateway:AuthFailures:MaxFailures must be at least 1")]
    [InlineData("Gateway:Cors:AllowedOrigins:0", "https://app.example.org/*", "Gateway:Cors:AllowedOrigins:0 must be an origin")]
    public void A_wrong_value_stops_the_start_with_a_message_naming_it(string key, string value, string message)
    {
        using var factory = new GatewayWith(key, value);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        // Most settings are checked by the options validators (ValidateOnStart); the API keys already by the gateway's
        // own start-up checks, which run first and refuse to build the host at all.
        var messages = Flatten(error).SelectMany(e => e switch
        {
            OptionsValidationException v => v.Failures,
            GatewayStartupException s => [s.Message],
            _ => [],
        }).ToList();
        Assert.True(messages.Count > 0, $"expected a settings validation error, got {error}");
        Assert.Contains(messages, f => f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_defaults_are_valid()
    {
        await using var factory = new GatewayFactory();

        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.True(response.IsSuccessStatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception error) =>
        error is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Flatten)
            : error.InnerException is { } inner ? [error, .. Flatten(inner)] : [error];

    private sealed class GatewayWith(string key, string value) : GatewayFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(key, value);
            if (key.StartsWith("Auth:Keys:0:", StringComparison.Ordinal))
            {
                builder.UseSetting("Auth:Keys:0:ClientId", "app");
                builder.UseSetting("Auth:Keys:0:Role", "client");
            }
        }
    }
}
