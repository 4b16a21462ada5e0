using System.Text.Json;
using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Persistence;

/// <summary>Reads a session stored in the layout before the compact one, so sessions in Redis at an upgrade keep
/// working: the Orleans Redis grain-storage hash <c>{ServiceId}/state/session/{id}/session</c> (field <c>data</c>, JSON
/// with the newest turn in <c>last</c>), the history list <c>trt:session:{id}:history</c> (JSON exchanges, newest first),
/// the replies hash <c>trt:session:{id}:replies</c> and the entries of <c>trt:active_sessions</c>(<c>:summary</c>).
/// <see cref="SessionGrainStorage"/> writes what it reads in the new layout, then deletes these keys.</summary>
public sealed class LegacySessionLayout(IConnectionMultiplexer redis, string serviceId)
{
    public const string IndexKey = "trt:active_sessions";
    public const string SummaryKey = "trt:active_sessions:summary";

    private readonly IDatabase _db = redis.GetDatabase();

    public string StateKey(string sessionId) => $"{serviceId}/state/session/{sessionId}/session";

    public static string HistoryKey(string sessionId) => $"trt:session:{{{sessionId}}}:history";

    public static string RepliesKey(string sessionId) => $"trt:session:{{{sessionId}}}:replies";

    public async Task<SessionRecord?> ReadAsync(string sessionId)
    {
        var data = await _db.HashGetAsync(StateKey(sessionId), "data");
        if (data.IsNullOrEmpty || JsonSerializer.Deserialize<LegacyRecord>((byte[])data!, SessionCodec.Json) is not { Engine: not null } old)
        {
            return null;
        }

        var batch = _db.CreateBatch();
        var historyTask = batch.ListRangeAsync(HistoryKey(sessionId));
        var repliesTask = batch.HashGetAllAsync(RepliesKey(sessionId));
        batch.Execute();
        var exchanges = (await historyTask)
            .Select(v => JsonSerializer.Deserialize<Exchange>((byte[])v!, SessionCodec.Json)!)
            .Reverse()
            .ToList();
        if (old.Last is { } last && (exchanges.Count == 0 || exchanges[^1].Turn < last.Exchange.Turn))
        {
            exchanges.Add(last.Exchange); // the old layout's repair: the state's newest turn was not yet in the list
        }

        var replies = (await repliesTask)
            .Select(e => (Id: (string)e.Name!, Reply: JsonSerializer.Deserialize<TherapistResponse>((byte[])e.Value!, SessionCodec.Json)!))
            .ToDictionary(r => r.Reply.Turn);
        if (old.Last is { RequestId: { } lastId } newest)
        {
            replies[newest.Exchange.Turn] = (lastId, newest.Response);
        }

        return new SessionRecord
        {
            Engine = old.Engine,
            Metadata = old.Metadata,
            RecentInputs = old.RecentInputs,
            RequestIds = old.RequestIds,
            NewestTurns = [.. exchanges.Select(e => replies.TryGetValue(e.Turn, out var r)
                ? StoredTurn.Of(e, r.Id, r.Reply)
                : new StoredTurn { Exchange = e })],
        };
    }

    public async Task DeleteAsync(string sessionId)
    {
        var batch = _db.CreateBatch();
        var tasks = new Task[]
        {
            batch.KeyDeleteAsync(StateKey(sessionId)),
            batch.KeyDeleteAsync(HistoryKey(sessionId)),
            batch.KeyDeleteAsync(RepliesKey(sessionId)),
            batch.SortedSetRemoveAsync(IndexKey, sessionId),
            batch.HashDeleteAsync(SummaryKey, sessionId),
        };
        batch.Execute();
        await Task.WhenAll(tasks);
    }

    private sealed class LegacyRecord
    {
        public EngineState? Engine { get; set; }

        public SessionMetadata? Metadata { get; set; }

        public LegacyLastTurn? Last { get; set; }

        public List<DateTimeOffset> RecentInputs { get; set; } = [];

        public List<string> RequestIds { get; set; } = [];
    }

    private sealed record LegacyLastTurn(Exchange Exchange, string? RequestId, TherapistResponse Response);
}
