using Microsoft.Extensions.Options;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Grains.Safety;

namespace TrtOrleans.Silo.Hosting;

/// <summary>Checks the session storage and crisis audit settings at start (ValidateOnStart). A zero shard count
/// would divide by zero on the first write, a compression level zstd rejects would fail every write, and a short
/// audit key would only be noticed when the first crisis record is written; each stops the process instead.</summary>
public sealed class StorageSettingsValidator : IValidateOptions<StorageOptions>, IValidateOptions<AuditOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (options.KeyPrefix is { } prefix && (prefix.Contains('{', StringComparison.Ordinal) || prefix.Contains('}', StringComparison.Ordinal)))
        {
            errors.Add("Storage:KeyPrefix must not contain '{' or '}' (the session keys' hash tags follow it)");
        }

        if (options.IndexShards is < 1 or > 16384)
        {
            errors.Add($"Storage:IndexShards must be from 1 to 16384, the Redis Cluster slot count (got {options.IndexShards})");
        }

        if (options.HistoryPageTurns < 1)
        {
            errors.Add($"Storage:HistoryPageTurns must be at least 1 (got {options.HistoryPageTurns})");
        }

        if (options.CompressionLevel is < 1 or > 19)
        {
            errors.Add($"Storage:CompressionLevel must be from 1 to 19 (got {options.CompressionLevel})");
        }

        if (options.RecordCompressionLevel is < 1 or > 19)
        {
            errors.Add($"Storage:RecordCompressionLevel must be from 1 to 19 (got {options.RecordCompressionLevel})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var errors = new List<string>();
        if (options.SessionRefKey is { } key && key.Length < SessionReference.MinKeyLength)
        {
            // Only the length: the key is a secret and must not reach a log.
            errors.Add($"Audit:SessionRefKey must be at least {SessionReference.MinKeyLength} characters (got {key.Length})");
        }

        if (options.Retention <= TimeSpan.Zero)
        {
            errors.Add($"Audit:Retention must be positive (got {options.Retention})");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
