using System.Text.Json;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Engine;

namespace TrtOrleans.Grains.Tests;

/// <summary>Sessions written in the layout before the compact one (Orleans Redis grain storage, JSON history list,
/// replies hash, one global index) load, answer their replays and move to the new layout on first read.</summary>
public sealed class LegacyLayoutTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    [Fact]
    public async Task ASessionInThePreviousLayoutLoadsReplaysAndMoves()
    {
        var id = "old_" + Guid.NewGuid().ToString("N")[..10];
        var (legacyKeys, replies, exchanges) = await WriteLegacySessionAsync(id, turns: 5);
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);

        Assert.Equal(5, (await grain.GetStatusAsync())!.TurnCount);
        var history = (await grain.GetHistoryAsync(50))!.Exchanges;
        Assert.Equal(Json(Enumerable.Reverse(exchanges)), Json(history));
        foreach (var (requestId, reply) in replies)
        {
            var replay = await grain.SendInputAsync(SessionPersistenceTests.Input("anything", requestId));
            Assert.Equal(InputStatus.Replayed, replay.Status);
            Assert.Equal(Json(reply), Json(replay.Response));
        }

        foreach (var key in legacyKeys)
        {
            Assert.False(await fixture.Db.KeyExistsAsync(key), key);
        }

        Assert.Null(await fixture.Db.SortedSetScoreAsync(LegacySessionLayout.IndexKey, id));
        Assert.True(await fixture.Db.KeyExistsAsync(fixture.Keys.StateKey(id)));
        Assert.True(await fixture.Db.KeyExistsAsync(fixture.Keys.DataKeyKey(id)));
        var next = await grain.SendInputAsync(SessionPersistenceTests.Input("A tight band across my chest"));
        Assert.Equal(6, next.Response!.Turn);
        var listed = await fixture.Grains.GetGrain<IAdminGrain>(0).ListSessionsAsync(1000, null);
        Assert.Single(listed.Sessions, s => s.SessionId == id);
    }

    /// <summary>Writes a session as the previous version did, including its documented partial state: the newest
    /// turn only in the grain state's <c>last</c> (its history append had failed).</summary>
    private async Task<(string[] Keys, Dictionary<string, TherapistResponse> Replies, List<Exchange> Exchanges)> WriteLegacySessionAsync(string id, int turns)
    {
        var engine = TrtEngine.CreateDefault();
        var now = fixture.Clock.GetUtcNow();
        var state = engine.NewSession(id, now);
        var exchanges = new List<Exchange>();
        var replies = new Dictionary<string, TherapistResponse>();
        for (var i = 0; i < turns; i++)
        {
            var input = new TurnInput(state, ConversationScripts.StraightPath[i], now, "legacy", [], RatePolicy.Default);
            var result = ((TurnDecision.Processed)await engine.RunTurnAsync(input, CancellationToken.None)).Result;
            state = result.State;
            exchanges.Add(ResponseMapper.ToWire(result.Exchange, SessionLimits.MaxInputChars));
            replies[$"old-{i}"] = ResponseMapper.ToWire(id, result.Response, SessionLimits.MaxInputChars);
        }

        var options = JsonGrainStorageSerializer.Options;
        var record = new Dictionary<string, object?>
        {
            ["engine"] = state,
            ["metadata"] = new SessionMetadata("app-1", "ios", "2.1.0", SessionMetadata.ViaInputEndpoint, null, []),
            ["last"] = new Dictionary<string, object?> { ["exchange"] = exchanges[^1], ["request_id"] = $"old-{turns - 1}", ["response"] = replies[$"old-{turns - 1}"] },
            ["recent_inputs"] = new[] { now },
            ["request_ids"] = replies.Keys.ToArray(),
        };
        var stateKey = $"{fixture.ServiceId}/state/session/{id}/session";
        var historyKey = $"trt:session:{{{id}}}:history";
        var repliesKey = $"trt:session:{{{id}}}:replies";
        var db = fixture.Db;
        await db.HashSetAsync(stateKey, [new HashEntry("etag", "0a1b2c"), new HashEntry("data", JsonSerializer.SerializeToUtf8Bytes(record, options))]);
        foreach (var exchange in exchanges.Take(turns - 1))
        {
            await db.ListLeftPushAsync(historyKey, JsonSerializer.Serialize(exchange, options));
        }

        foreach (var (requestId, reply) in replies.Take(turns - 1))
        {
            await db.HashSetAsync(repliesKey, requestId, JsonSerializer.Serialize(reply, options));
        }

        await db.SortedSetAddAsync(LegacySessionLayout.IndexKey, id, now.ToUnixTimeMilliseconds());
        await db.HashSetAsync(LegacySessionLayout.SummaryKey, id, $"{state.CurrentSubstate}|{turns}|active|{now.ToUnixTimeMilliseconds()}");
        return ([stateKey, historyKey, repliesKey], replies, exchanges);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
