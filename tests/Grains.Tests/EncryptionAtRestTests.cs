using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Therapy.Contracts;

namespace TrtOrleans.Grains.Tests;

/// <summary>Encryption at rest: nothing of a conversation is readable in Redis, a rotated key ring still opens old
/// sessions while new writes use the new key, and an erased session cannot be decrypted from a saved copy.</summary>
public sealed class EncryptionAtRestTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    private const string Marker = "Quixotic marmalade zeppelins whisper beneath Ulaanbaatar lighthouses";

    [Fact]
    public async Task NoKeyNameOrValueContainsAWordOfTheConversation()
    {
        var id = "enc_" + Guid.NewGuid().ToString("N")[..10];
        var grain = fixture.Grains.GetGrain<ISessionGrain>(id);
        for (var i = 0; i < 16; i++) // enough to seal history pages
        {
            fixture.Clock.Advance(TimeSpan.FromSeconds(7)); // within the rate limit
            var line = i == 3 ? Marker : NovelInputs.Line(i);
            await grain.SendInputAsync(SessionPersistenceTests.Input(line, $"m{i}"));
        }

        Assert.Contains((await grain.GetHistoryAsync(50))!.Exchanges, e => e.ClientInput == Marker);
        var words = Marker.Split(' ').Select(w => w.ToLowerInvariant()).ToList();
        var keys = RedisKeys.Scan(fixture.Redis, fixture.Database);
        Assert.Contains(fixture.Keys.HistoryKey(id), keys);
        foreach (var key in keys)
        {
            var text = (key + "\n" + string.Join("\n", await ValuesAsync(key))).ToLowerInvariant();
            Assert.All(words, w => Assert.False(text.Contains(w, StringComparison.Ordinal), $"'{w}' readable in {key}"));
        }
    }

    [Fact]
    public async Task AfterRotationOldSessionsLoadNewWritesCarryTheNewKeyAndErasedSessionsStayUnreadable()
    {
        using var redis = await ConnectionMultiplexer.ConnectAsync($"{fixture.Redis.Host}:{fixture.Redis.Port},defaultDatabase={fixture.Database}");
        var keys = new RedisKeyspace($"trt:rotation-{Guid.NewGuid():N}:", 64);
        var k1 = RandomNumberGenerator.GetBytes(32);
        var k2 = RandomNumberGenerator.GetBytes(32);
        var before = Storage(redis, keys, new KeyRing(new Dictionary<string, byte[]> { ["k1"] = k1 }, "k1"));
        var id = "rot_" + Guid.NewGuid().ToString("N")[..10];
        var grainId = GrainId.Create("session", id);
        var written = new GrainState<SessionRecord> { State = Record(id, turns: 20) };
        await before.Storage.WriteStateAsync("session", grainId, written);
        Assert.Equal("k1", WrappedBy(await redis.GetDatabase().StringGetAsync(keys.DataKeyKey(id))));

        // Rotation: k2 becomes primary, k1 stays in the ring to open what it wrapped.
        var after = Storage(redis, keys, new KeyRing(new Dictionary<string, byte[]> { ["k1"] = k1, ["k2"] = k2 }, "k2"));
        var loaded = new GrainState<SessionRecord>();
        await after.Storage.ReadStateAsync("session", grainId, loaded);
        Assert.Equal(20, loaded.State!.Engine!.TurnCount);
        Assert.Equal(20, (await after.History.ReadAsync(id, loaded.State, 50)).Length);
        Assert.Equal("turn 7", (await after.History.FindReplyAsync(id, id, loaded.State, "r7"))!.TherapistResponseText);

        await after.Storage.WriteStateAsync("session", grainId, loaded);
        var db = redis.GetDatabase();
        Assert.Equal("k2", WrappedBy(await db.StringGetAsync(keys.DataKeyKey(id))));
        var state = (byte[])(await db.StringGetAsync(keys.StateKey(id)))!;
        Assert.Equal("k2", Encoding.ASCII.GetString(state, 8 + 3, state[8 + 2]));

        // Crypto-shredding: copies of the data values saved before the erase stay sealed for the key ring.
        var pages = (await db.ListRangeAsync(keys.HistoryKey(id))).Select(p => (byte[])p!).ToList();
        Assert.NotEmpty(pages);
        await after.Storage.ClearStateAsync("session", grainId, loaded);
        Assert.False(await db.KeyExistsAsync(keys.DataKeyKey(id)));
        foreach (var value in pages.Prepend(state[8..]))
        {
            Assert.ThrowsAny<CryptographicException>(() => after.Codec.Decode<object>(value, null, id, 's'));
            foreach (var ringKey in new[] { k1, k2 })
            {
                Assert.ThrowsAny<CryptographicException>(() => after.Codec.Decode<object>(value, new SessionDataKey(ringKey, "k2"), id, 'h'));
                Assert.ThrowsAny<CryptographicException>(() => after.Codec.Decode<object>(value, new SessionDataKey(ringKey, "k2"), id, 's'));
            }
        }
    }

    internal static (SessionGrainStorage Storage, SessionHistoryReader History, SessionCodec Codec) Storage(
        IConnectionMultiplexer redis, RedisKeyspace keys, KeyRing ring)
    {
        var codec = new SessionCodec(6, ring);
        var store = new RedisSessionStore(redis, keys);
        var storage = new SessionGrainStorage(
            store, codec, Options.Create(new StorageOptions()), Options.Create(new SessionOptions()), NullLogger<SessionGrainStorage>.Instance);
        return (storage, new SessionHistoryReader(store, codec), codec);
    }

    internal static SessionRecord Record(string id, int turns)
    {
        var now = DateTimeOffset.UtcNow;
        var engine = EngineState.Create(id, now);
        engine.TurnCount = turns;
        var record = new SessionRecord { Engine = engine, Metadata = new SessionMetadata(null, null, null, SessionMetadata.ViaInputEndpoint, null, []) };
        for (var t = 1; t <= turns; t++)
        {
            var exchange = new Exchange(t, now, $"input {t}", $"turn {t}", "general_inquiry", null, engine.CurrentSubstate);
            var reply = new TherapistResponse(
                id, t, $"turn {t}",
                new Preprocessing($"input {t}", $"input {t}", $"input {t}", new EmotionalState([], 0, "none"), "statement", [],
                    new SafetyChecks(new Interfaces.SelfHarmReport(false, [], "none"), new DetectorReport(false, []), new DetectorReport(false, []), new DetectorReport(false, []))),
                new Navigation("general_inquiry", null, engine.CurrentSubstate, null, "test"),
                new SessionProgress("stage_1", engine.CurrentSubstate, 0, []),
                new Interfaces.Safety(false, "none", []),
                now);
            record.NewestTurns.Add(StoredTurn.Of(exchange, $"r{t}", reply));
            record.RequestIds.Add($"r{t}");
        }

        return record;
    }

    private static string WrappedBy(RedisValue wrapped)
    {
        var bytes = (byte[])wrapped!;
        return Encoding.ASCII.GetString(bytes, 1, bytes[0]);
    }

    private async Task<IEnumerable<string>> ValuesAsync(string key)
    {
        var db = fixture.Db;
        static string Text(RedisValue v) => v.IsNull ? "" : Encoding.Latin1.GetString((byte[])v!);
        return (await db.KeyTypeAsync(key)) switch
        {
            RedisType.String => [Text(await db.StringGetAsync(key))],
            RedisType.List => (await db.ListRangeAsync(key)).Select(Text),
            RedisType.Hash => (await db.HashGetAllAsync(key)).Select(e => Text(e.Name) + Text(e.Value)),
            RedisType.SortedSet => (await db.SortedSetRangeByRankAsync(key)).Select(Text),
            RedisType.Stream => (await db.StreamRangeAsync(key)).SelectMany(e => e.Values.Select(v => Text(v.Name) + Text(v.Value))),
            _ => [],
        };
    }
}
