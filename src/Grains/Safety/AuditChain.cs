using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Safety;

/// <summary>The hash chain rule shared by every audit store and the verifier.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the very first record.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static AuditEntry Link(AuditDraft draft, long seq, string prevHash)
    {
        var entry = new AuditEntry(seq, draft.Timestamp, draft.Event, draft.RiskLevel, draft.EngineVersion, draft.SessionRef,
            draft.Turn, draft.EventId, prevHash, "");
        return entry with { Hash = HashOf(entry) };
    }

    /// <summary>SHA-256 over every field but the hash itself, in a fixed order and format.</summary>
    public static string HashOf(AuditEntry e)
    {
        var canonical = string.Join('\n',
            e.Seq.ToString(CultureInfo.InvariantCulture),
            e.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            e.Event, e.RiskLevel, e.EngineVersion, e.SessionRef,
            e.Turn.ToString(CultureInfo.InvariantCulture),
            e.EventId, e.PrevHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks records in order from an anchor (the previous hash of the first one kept).</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry?> records, long firstSeq, string anchorHash)
    {
        var expectedSeq = firstSeq;
        var prev = anchorHash;
        long count = 0;
        foreach (var e in records)
        {
            count++;
            if (e is null || e.Seq != expectedSeq || e.PrevHash != prev || HashOf(e) != e.Hash)
            {
                return new AuditVerification(false, count, expectedSeq);
            }

            prev = e.Hash;
            expectedSeq++;
        }

        return new AuditVerification(true, count, null);
    }

    public static string Serialize(AuditEntry e) => JsonSerializer.Serialize(e, Json);

    public static AuditEntry? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditEntry>(json, Json);
        }
        catch (JsonException)
        {
            return null; // a damaged record fails verification
        }
    }
}
