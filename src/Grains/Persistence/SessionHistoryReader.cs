using TrtOrleans.Grains.Interfaces;

namespace TrtOrleans.Grains.Persistence;

/// <summary>A session's history and stored replies: the newest exchanges from the record in memory, older ones from
/// the sealed pages (one read, only when the record does not hold what is asked for).</summary>
public sealed class SessionHistoryReader(ISessionStore store, SessionCodec codec)
{
    /// <summary>Newest first, at most <paramref name="limit"/>.</summary>
    public async Task<Exchange[]> ReadAsync(string sessionId, SessionRecord record, int limit)
    {
        var turns = Enumerable.Reverse(record.NewestTurns).ToList();
        if (turns.Count < limit)
        {
            turns.AddRange(await OlderTurnsAsync(sessionId, record));
        }

        return [.. turns.Take(limit).Select(t => t.Exchange)];
    }

    /// <summary>The reply stored for a request id, rebuilt from its history entry; null when it is gone.</summary>
    /// <param name="wireId">The session id as the client knows it, which the rebuilt reply carries.</param>
    public async Task<TherapistResponse?> FindReplyAsync(string sessionId, string wireId, SessionRecord record, string requestId)
    {
        var turn = record.NewestTurns.LastOrDefault(t => t.RequestId == requestId)
            ?? (await OlderTurnsAsync(sessionId, record)).FirstOrDefault(t => t.RequestId == requestId);
        return turn?.Response(wireId);
    }

    private async Task<List<StoredTurn>> OlderTurnsAsync(string sessionId, SessionRecord record)
    {
        var oldestKept = record.NewestTurns.Count > 0 ? record.NewestTurns[0].Turn : int.MaxValue;
        var result = new List<StoredTurn>();
        foreach (var page in await store.ReadPagesAsync(sessionId))
        {
            var turns = codec.Decode<List<StoredTurn>>(page, record.DataKey, sessionId, 'h');
            result.AddRange(Enumerable.Reverse(turns).Where(t => t.Turn < oldestKept));
        }

        return result;
    }
}
