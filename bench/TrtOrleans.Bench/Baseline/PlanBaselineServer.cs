using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TrtOrleans.Grains.Hosting;
using TrtOrleans.Grains.Persistence;
using TrtOrleans.Grains;
using TrtOrleans.Therapy.Contracts;
using TrtOrleans.Therapy.Retrieval;

namespace TrtOrleans.Bench.Baseline;

/// <summary>The Redis integration plan's design, built honestly as the benchmark's baseline: one plain ASP.NET Core
/// endpoint, no Orleans. Per turn: take the session lock (SET NX PX), read the state, run the same engine the product
/// runs (registered by the product's own AddTrtEngine, so retrieval defaults and the Redis retrieval cache are the
/// product's), write the state, LPUSH/LTRIM the history, ZADD the active-sessions index, set the TTLs, release the
/// lock. One multiplexer, async throughout. Two optimisations a careful implementer of the plan would make:
/// the lock, the rate-limit counter and the state read go out in one pipeline (Redis runs them in order, so the
/// read sees the state under the lock), and all writes plus the lock release go out in a second one.
/// A request_id seen in the last 20 turns is answered from the stored reply, as the product does.</summary>
internal static class PlanBaselineServer
{
    private const int HistoryCap = 50;
    private const int RequestIdWindow = 20;
    private const int MaxInputChars = 4000;
    private static readonly TimeSpan SessionTtl = TimeSpan.FromHours(24);
    private static readonly TimeSpan LockTtl = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Json = EngineState.JsonOptions;
    private static readonly LuaScript Release = LuaScript.Prepare(
        "if redis.call('GET', @key) == @token then return redis.call('DEL', @key) else return 0 end");

    // Key patterns of the plan.
    private static RedisKey StateKey(string id) => $"trt:session:{id}:state";
    private static RedisKey HistoryKey(string id) => $"trt:session:{id}:history";
    private static RedisKey MetaKey(string id) => $"trt:session:{id}:meta";
    private static RedisKey LockKey(string id) => $"trt:lock:{id}";
    private static RedisKey RateKey(string id, long minute) => $"trt:ratelimit:{id}:{minute}";
    private static readonly RedisKey IndexKey = "trt:active_sessions";

    /// <summary>trt-bench baseline-server --redis URL --urls http://127.0.0.1:PORT [--rate-limit N]</summary>
    public static async Task<int> RunAsync(string redisUrl, string urls, int rateLimit)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls(urls);
        var redis = await ConnectionMultiplexer.ConnectAsync(RedisUrl.Parse(redisUrl));
        builder.Services.AddSingleton<IConnectionMultiplexer>(redis);
        // The product's retrieval cache under the plan's "trt:" prefix (the default ranker bypasses it, as in the product).
        builder.Services.AddSingleton(new RedisKeyspace("trt:", 1));
        builder.Services.AddSingleton(sp => new RetrievalCacheMac(null, sp.GetRequiredService<RedisKeyspace>()));
        builder.Services.AddSingleton<IRetrievalCache, RedisRetrievalCache>();
        builder.Services.AddTrtEngine(builder.Configuration);
        var app = builder.Build();
        await app.Services.GetRequiredService<ExemplarRetriever>().InitializeAsync(CancellationToken.None);
        var engine = app.Services.GetRequiredService<ITrtEngine>();
        var db = redis.GetDatabase();

        app.MapGet("/health/ready", () => Results.Ok());
        app.MapPost("/api/v1/input", (HttpRequest request) => TurnAsync(request, engine, db, rateLimit));
        await app.RunAsync();
        return 0;
    }

    private sealed record Body(string? SessionId, string? UserInput, string? RequestId);

    /// <summary>What the plan keeps in the state key: the engine's state plus what a retried request id needs.</summary>
    private sealed class Stored
    {
        public EngineState Engine { get; set; } = null!;
        public List<string> RequestIds { get; set; } = [];
        public string? LastRequestId { get; set; }
        public string? LastReply { get; set; }
    }

    private static async Task<IResult> TurnAsync(HttpRequest request, ITrtEngine engine, IDatabase db, int rateLimit)
    {
        Body? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<Body>(request.Body, Json);
        }
        catch (JsonException)
        {
            return Results.Problem(statusCode: 400, title: "malformed JSON");
        }

        if (body?.SessionId is not { Length: > 0 } id || body.UserInput is not { Length: > 0 and <= MaxInputChars } input)
        {
            return Results.Problem(statusCode: 422, title: "session_id and user_input (1-4000 chars) are required");
        }

        var token = Guid.NewGuid().ToString("N");
        var now = DateTimeOffset.UtcNow;
        var deadline = now + LockWait;
        while (true)
        {
            // Round trip 1: lock, rate-limit counter, state read (in this order on the server).
            var batch = db.CreateBatch();
            var locked = batch.StringSetAsync(LockKey(id), token, LockTtl, When.NotExists);
            var rateKey = RateKey(id, now.ToUnixTimeSeconds() / 60);
            var count = batch.StringIncrementAsync(rateKey);
            _ = batch.KeyExpireAsync(rateKey, TimeSpan.FromSeconds(60), flags: CommandFlags.FireAndForget);
            var read = batch.StringGetAsync(StateKey(id));
            batch.Execute();
            if (await locked)
            {
                if (await count > rateLimit)
                {
                    await db.ScriptEvaluateAsync(Release, new { key = LockKey(id), token });
                    return Results.Problem(statusCode: 429, title: "rate limited");
                }

                return await LockedTurnAsync(engine, db, id, input, body.RequestId, token, await read, now);
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                return Results.Problem(statusCode: 409, title: "session is being processed by another request");
            }

            await Task.Delay(5);
            now = DateTimeOffset.UtcNow;
        }
    }

    private static async Task<IResult> LockedTurnAsync(ITrtEngine engine, IDatabase db, string id, string input,
        string? requestId, string token, RedisValue raw, DateTimeOffset now)
    {
        var created = raw.IsNull;
        var stored = created
            ? new Stored { Engine = engine.NewSession(id, now) }
            : JsonSerializer.Deserialize<Stored>((string)raw!, Json)!;
        if (requestId is not null && stored.RequestIds.Contains(requestId))
        {
            await db.ScriptEvaluateAsync(Release, new { key = LockKey(id), token });
            return requestId == stored.LastRequestId && stored.LastReply is not null
                ? Results.Text(stored.LastReply, "application/json")
                : Results.Problem(statusCode: 409, title: "request_id already processed");
        }

        // The plan's own Redis counter limits the rate (above), so the engine's admission is given no limit of its own.
        var decision = await engine.RunTurnAsync(
            new TurnInput(stored.Engine, input, now, id, [], new RatePolicy(int.MaxValue, TimeSpan.FromMinutes(1), 0)), CancellationToken.None);
        if (decision is not TurnDecision.Processed { Result: var result })
        {
            await db.ScriptEvaluateAsync(Release, new { key = LockKey(id), token });
            return Results.Problem(statusCode: 400, title: "input refused");
        }

        var reply = JsonSerializer.Serialize(new { session_id = id, response = result.Response }, Json);
        stored.Engine = result.State;
        if (requestId is not null)
        {
            stored.RequestIds.Add(requestId);
            if (stored.RequestIds.Count > RequestIdWindow)
            {
                stored.RequestIds.RemoveAt(0);
            }

            stored.LastRequestId = requestId;
            stored.LastReply = reply;
        }

        // Round trip 2: every write and the lock release, pipelined; the reply waits for all of them.
        var batch = db.CreateBatch();
        var writes = new List<Task>(8)
        {
            batch.StringSetAsync(StateKey(id), JsonSerializer.Serialize(stored, Json), SessionTtl),
            batch.ListLeftPushAsync(HistoryKey(id), JsonSerializer.Serialize(result.Exchange, Json)),
            batch.ListTrimAsync(HistoryKey(id), 0, HistoryCap - 1),
            batch.KeyExpireAsync(HistoryKey(id), SessionTtl),
            batch.SortedSetAddAsync(IndexKey, id, now.ToUnixTimeMilliseconds() / 1000.0),
        };
        if (created)
        {
            writes.Add(batch.HashSetAsync(MetaKey(id),
                [new HashEntry("created_at", now.ToString("O")), new HashEntry("created_via", "input_endpoint")]));
        }

        writes.Add(batch.KeyExpireAsync(MetaKey(id), SessionTtl));

        writes.Add(batch.ScriptEvaluateAsync(Release, new { key = LockKey(id), token }));
        batch.Execute();
        await Task.WhenAll(writes);
        return Results.Text(reply, "application/json");
    }
}
