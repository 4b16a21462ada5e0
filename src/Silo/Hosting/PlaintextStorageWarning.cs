using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Says at start that encryption at rest is off. Only the embedded in-memory developer mode can run without
/// a key ring (with Redis the start-up check refuses it), so the warning also reminds that this mode is not for real
/// conversations.</summary>
internal sealed partial class PlaintextStorageWarning(ILogger<PlaintextStorageWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        LogPlaintext(logger);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Encryption at rest is OFF: embedded in-memory developer mode, session text is held unencrypted in this process. With REDIS_URL a key ring is required (Storage:Encryption:KeyRingFile or Storage:Encryption:Keys); see docs/security.md.")]
    private static partial void LogPlaintext(ILogger logger);
}
