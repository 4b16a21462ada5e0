using System.Security.Cryptography;
using StackExchange.Redis;
using TrtOrleans.Grains.Index;
using TrtOrleans.Grains.Persistence;

namespace TrtOrleans.Grains.Tests;

/// <summary>The session record is stored in segments: the record without its newest exchanges, then one segment per
/// exchange, compressed once when the exchange is added. Records stored in one frame (before segments) still load.</summary>
public sealed class SegmentedRecordTests(TrtClusterFixture fixture) : IClassFixture<TrtClusterFixture>
{
    [Fact]
    public async Task ARecordStoredInOneFrameLoadsAndIsRewrittenInSegments()
    {
        using var redis = await ConnectAsync();
        var keys = new RedisKeyspace($"trt:segments-{Guid.NewGuid():N}:", 64);
        var (storage, history, codec) = EncryptionAtRestTests.Storage(redis, keys, Ring());
        var id = "seg_" + Guid.NewGuid().ToString("N")[..10];
        var grainId = GrainId.Create("session", id);

        // The layout before segments: the whole record, newest exchanges inside, in one zstd frame (format 2).
        var old = EncryptionAtRestTests.Record(id, turns: 12);
        var (dataKey, wrapped) = codec.WrapDataKey(codec.NewDataKey()!, id);
        var oneFrame = codec.Encode(old, dataKey, id, 's');
        Assert.Equal(SessionCodec.FormatEncrypted, oneFrame[0]);
        var store = new RedisSessionStore(redis, keys);
        var summary = new SessionSummary(id, old.Engine!.CurrentSubstate, old.Engine.LastInteraction, 12, "active");
        await store.CommitAsync(id, new SessionCommit(null, "00000001", oneFrame, [], 6, wrapped, summary, TimeSpan.FromHours(1)));

        var loaded = new GrainState<SessionRecord>();
        await storage.ReadStateAsync("session", grainId, loaded);
        Assert.Equal(12, loaded.State!.NewestTurns.Count);
        Assert.Equal("turn 7", (await history.FindReplyAsync(id, id, loaded.State, "r7"))!.TherapistResponseText);

        await storage.WriteStateAsync("session", grainId, loaded);
        var stored = (await store.ReadAsync(id))!;
        Assert.Equal(SessionCodec.FormatSegmentedEncrypted, stored.State[0]);
        var reread = new GrainState<SessionRecord>();
        await storage.ReadStateAsync("session", grainId, reread);
        Assert.Equal(
            (await history.ReadAsync(id, loaded.State, 50)).Select(e => (e.Turn, e.ClientInput, e.TherapistResponse)),
            (await history.ReadAsync(id, reread.State!, 50)).Select(e => (e.Turn, e.ClientInput, e.TherapistResponse)));
        Assert.Equal(12, (await history.ReadAsync(id, reread.State!, 50)).Length);
    }

    [Fact]
    public async Task AWriteReusesTheSegmentsOfExchangesAlreadyStored()
    {
        using var redis = await ConnectAsync();
        var keys = new RedisKeyspace($"trt:segments-{Guid.NewGuid():N}:", 64);
        var (storage, _, codec) = EncryptionAtRestTests.Storage(redis, keys, Ring());
        var id = "seg_" + Guid.NewGuid().ToString("N")[..10];
        var grainId = GrainId.Create("session", id);
        await storage.WriteStateAsync("session", grainId, new GrainState<SessionRecord> { State = EncryptionAtRestTests.Record(id, turns: 7) });

        var state = new GrainState<SessionRecord>();
        await storage.ReadStateAsync("session", grainId, state);
        var before = state.State!.NewestTurns.Select(t => t.Segment).ToList();
        Assert.All(before, Assert.NotNull);
        var next = EncryptionAtRestTests.Record(id, turns: 8).NewestTurns[^1];
        state.State.NewestTurns.Add(next);
        await storage.WriteStateAsync("session", grainId, state);

        // The seven stored exchanges kept their segments (the same arrays, not compressed again); the new one got its own.
        Assert.Equal(before, state.State.NewestTurns.Take(7).Select(t => t.Segment));
        Assert.NotNull(next.Segment);
        var (dictionary, segments) = codec.DecodeSegments((await new RedisSessionStore(redis, keys).ReadAsync(id))!.State, state.State.DataKey, id, 's');
        Assert.Equal(9, segments.Count); // the record without its exchanges, then eight exchanges
        Assert.Equal(state.State.NewestTurns.Select(t => t.Segment!), segments.Skip(1));
        Assert.Empty(codec.FromSegment<SessionRecord>(segments[0], dictionary).NewestTurns);
        Assert.Equal("input 8", codec.FromSegment<StoredTurn>(segments[^1], dictionary).Exchange.ClientInput);
    }

    [Fact]
    public void ASegmentRunningPastItsValueIsRefused()
    {
        var codec = new SessionCodec(6, ring: null);
        var value = codec.EncodeSegments([codec.Segment(new SessionRecord(), reused: false), codec.Segment("x", reused: true)], key: null, "s1", 's');
        Assert.Equal(SessionCodec.FormatSegmentedPlain, value[0]);
        Assert.Equal(2, codec.DecodeSegments(value, null, "s1", 's').Segments.Count);

        Assert.Throws<InvalidDataException>(() => codec.DecodeSegments(value[..^1], null, "s1", 's'));
        Assert.Throws<InvalidDataException>(() => codec.DecodeSegments([.. value, 7, 0], null, "s1", 's')); // a torn length
        Assert.Throws<InvalidDataException>(() => codec.DecodeSegments([SessionCodec.FormatSegmentedEncrypted, 1, 9, 1], null, "s1", 's'));
        Assert.Throws<InvalidDataException>(() => codec.Decode<SessionRecord>(value, null, "s1", 's'));
    }

    private static KeyRing Ring() => new(new Dictionary<string, byte[]> { ["k1"] = RandomNumberGenerator.GetBytes(32) }, "k1");

    private Task<ConnectionMultiplexer> ConnectAsync() =>
        ConnectionMultiplexer.ConnectAsync($"{fixture.Redis.Host}:{fixture.Redis.Port},defaultDatabase={fixture.Database}");
}
