namespace TrtOrleans.Grains.Persistence;

/// <summary>Session storage settings (configuration section "Storage"). See docs/redis-keys.md.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Prefix of every key the product writes itself. Empty: <c>trt:{ServiceId}:</c>, so two deployments
    /// (two ServiceIds) can share one Redis database. Must not contain '{' or '}' (hash tags follow it).</summary>
    public string? KeyPrefix { get; set; }

    /// <summary>Hash-tag buckets of the session keys and of the active-sessions index. All keys of a session and its
    /// index shard share one bucket, so a turn's script touches one Redis Cluster slot; listing merges the shards.
    /// Changing it moves every session to another key: fix it before the first deployment.</summary>
    public int IndexShards { get; set; } = 64;

    /// <summary>Exchanges sealed together into one history page (one compressed, encrypted list element).</summary>
    public int HistoryPageTurns { get; set; } = 8;

    public const int DefaultRecordCompressionLevel = 1;

    /// <summary>zstd level of values compressed once: history pages and each exchange's segment of the record
    /// (1 fastest … 19 smallest).</summary>
    public int CompressionLevel { get; set; } = 6;

    /// <summary>zstd level of the session record's head (the record without its newest exchanges), compressed on
    /// every turn. Fast by default: it is on every turn's path.</summary>
    public int RecordCompressionLevel { get; set; } = DefaultRecordCompressionLevel;

    /// <summary>Read sessions stored in the layout before the compact one (Orleans Redis grain storage plus
    /// <c>trt:session:{id}:history</c>/<c>:replies</c>) and move them on first read. Costs one EXISTS per activation
    /// of a session that is not stored yet; turn off once no old session can remain (48 h after the upgrade).</summary>
    public bool MigrateLegacyLayout { get; set; } = true;

    public EncryptionOptions Encryption { get; set; } = new();
}

/// <summary>Encryption at rest (section "Storage:Encryption"). Keys never live in Redis. Without any key the values
/// are only compressed (plain mode), which only the embedded in-memory default may run: a silo on Redis without a key ring
/// refuses to start (TrtOrleans.Silo.Hosting.StorageEncryptionCheck), and the in-memory mode logs a warning.</summary>
public sealed class EncryptionOptions
{
    /// <summary>Key id used for new writes; defaults to the only key when there is one.</summary>
    public string? PrimaryKeyId { get; set; }

    /// <summary>Key ring: key id → base64 of 32 random bytes (e.g. <c>openssl rand -base64 32</c>). Keep retired keys
    /// here as long as sessions wrapped by them may exist (48 h after rotation).</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>A JSON file <c>{"primary_key_id": "...", "keys": {"id": "base64"}}</c>, merged with <see cref="Keys"/>.</summary>
    public string? KeyRingFile { get; set; }
}
