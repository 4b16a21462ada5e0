using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Says at start, in every component, that client text is stored in Redis without encryption: Redis is
/// configured but no key ring is (Storage:Encryption). Plain mode is meant for the embedded in-memory default only.</summary>
internal sealed partial class PlaintextStorageWarning(IConfiguration configuration, ILogger<PlaintextStorageWarning> logger) : IHostedService
{
    public static bool IsPlaintextWithRedis(IConfiguration configuration) =>
        ClusterSettings.RedisConnectionString(configuration) is not null && KeyRing.FromOptions(EncryptionOf(configuration)) is null;

    public static EncryptionOptions EncryptionOf(IConfiguration configuration) =>
        configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Encryption ?? new EncryptionOptions();

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsPlaintextWithRedis(configuration))
        {
            LogPlaintext(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Encryption at rest is OFF: session text is stored in Redis in plain form. Configure a key ring (Storage:Encryption:Keys or Storage:Encryption:KeyRingFile); see docs/security.md.")]
    private static partial void LogPlaintext(ILogger logger);
}
