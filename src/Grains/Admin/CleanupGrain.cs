using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Admin;

/// <summary>The periodic cleanup: one grain activation in the whole cluster (key 0), woken by a persistent reminder,
/// so exactly one runner scans the index at a time whichever silos are up.</summary>
[Alias("trt.cleanup_grain")]
public interface ICleanupGrain : IGrainWithIntegerKey
{
    /// <summary>Registers the reminder (idempotent). Called by every silo at start.</summary>
    [Alias("ensure_scheduled")]
    Task EnsureScheduledAsync();
}

[GrainType("cleanup")]
public sealed partial class CleanupGrain(IOptions<SessionOptions> options, ILogger<CleanupGrain> logger)
    : Grain, ICleanupGrain, IRemindable
{
    public const string ReminderName = "session-cleanup";

    public async Task EnsureScheduledAsync()
    {
        var period = options.Value.CleanupPeriod;
        await this.RegisterOrUpdateReminder(ReminderName, period, period);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A reminder carries no caller: this is the one internal path that may erase any client's sessions.
        CallerContext.MarkInternal();
        var admin = GrainFactory.GetGrain<IAdminGrain>(0);
        var removed = await admin.CleanupAsync(options.Value.Expiry);
        var trimmed = await admin.TrimAuditAsync();
        LogCleanup(logger, removed, trimmed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Periodic cleanup removed {Removed} expired sessions and {Trimmed} audit records past retention")]
    private static partial void LogCleanup(ILogger logger, int removed, int trimmed);
}
