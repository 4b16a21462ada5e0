using System.Globalization;
using Spectre.Console;
using StackExchange.Redis;
using TrtOrleans.Grains.Interfaces;
using TrtOrleans.TestSupport;
using TrtOrleans.Tools.Migrate;

namespace TrtOrleans.Ops.Tests;

/// <summary>tools/TrtMigrate against the old service's layout in a real Redis and a real silo process.</summary>
public sealed class MigrationTests
{
    private static readonly string Now = DateTime.UtcNow.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
    /// <summary>More exchanges than a session record keeps beside its sealed history pages.</summary>
    private const int FullHistory = 20;

    private static readonly string Marker = "MARKER" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Imports_the_old_layout_once_and_reports_malformed_records()
    {
        var redis = RedisServer.Shared;
        var source = redis.Admin.GetDatabase(redis.AllocateDatabase());
        var prefix = "m" + Guid.NewGuid().ToString("N")[..8];
        var (full, bare, broken, missing) = ($"{prefix}_full", $"{prefix}_bare", $"{prefix}_broken", $"{prefix}_missing");
        await WriteSessionAsync(source, full, "1.2_problem_and_body", bodyQuestions: 2, history: FullHistory, meta: true);
        await WriteSessionAsync(source, bare, "1.1_goal_and_vision", bodyQuestions: 0, history: 0, meta: false);
        await WriteSessionAsync(source, broken, "1.2_problem_and_body", bodyQuestions: 1, history: 1, meta: false);
        await source.HashSetAsync(LegacyKeys.State(broken), "stage_1_completion", "{not json " + Marker);
        await source.SortedSetAddAsync(LegacyKeys.ActiveSessions, missing, 1); // indexed, but its state is gone

        var cluster = new TestCluster(redis.Url(redis.AllocateDatabase()));
        await using var silo = await cluster.StartSiloAsync(TimeSpan.FromMinutes(2));
        using var client = await ClusterConnection.ConnectAsync(cluster.RedisUrl, cluster.ClusterId, cluster.ServiceId);
        var grains = client.Client();
        CallerContext.Set(SessionKey.LocalClient, isAdmin: false); // the test reads as the no-keys local client

        // A dry run validates and changes nothing.
        var dry = await new Migrator(new LegacyReader(source), null).RunAsync();
        Assert.Equal([bare, full], dry.Imported);
        Assert.Null(await grains.GetGrain<ISessionGrain>(full).GetStatusAsync());

        var first = await new Migrator(new LegacyReader(source), grains).RunAsync();
        Assert.Equal([bare, full], first.Imported);
        Assert.Empty(first.Skipped);
        Assert.Equal([broken, missing], first.Failed.Select(f => f.SessionId));
        Assert.Contains("stage_1_completion", first.Failed[0].Reason, StringComparison.Ordinal);
        Assert.Contains("no state hash", first.Failed[1].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Failed, f => f.Reason.Contains(Marker, StringComparison.Ordinal));

        var status = await grains.GetGrain<ISessionGrain>(full).GetStatusAsync();
        Assert.NotNull(status);
        Assert.Equal("1.2_problem_and_body", status.CurrentSubstate);
        Assert.Equal(2, status.BodyQuestionCount);
        Assert.True(status.CompletionCriteria["goal_stated"]);
        Assert.False(status.CompletionCriteria["body_awareness_present"]);
        Assert.Equal("mobile_app", status.Metadata.Platform);
        Assert.Equal(FullHistory, status.TurnCount);
        // More exchanges than the record keeps: the older ones were sealed into history pages by the same write.
        var history = await grains.GetGrain<ISessionGrain>(full).GetHistoryAsync(50);
        Assert.Equal(Enumerable.Range(1, FullHistory).Reverse(), history!.Exchanges.Select(e => e.Turn));
        Assert.Equal($"client said {FullHistory}", history.Exchanges[0].ClientInput);
        Assert.Equal("client said 1", history.Exchanges[^1].ClientInput);

        // A rerun imports nothing twice; the broken records are reported again.
        var second = await new Migrator(new LegacyReader(source), grains).RunAsync();
        Assert.Empty(second.Imported);
        Assert.Equal([bare, full], second.Skipped.Select(s => s.SessionId));
        Assert.Equal([broken, missing], second.Failed.Select(f => f.SessionId));
        Assert.Equal(FullHistory, (await grains.GetGrain<ISessionGrain>(full).GetHistoryAsync(50))!.Exchanges.Length);
        await client.StopAsync();
    }

    [Fact]
    public async Task Imports_into_the_chosen_client_scope_and_only_for_a_privileged_caller()
    {
        var redis = RedisServer.Shared;
        var source = redis.Admin.GetDatabase(redis.AllocateDatabase());
        var id = "s" + Guid.NewGuid().ToString("N")[..8];
        await WriteSessionAsync(source, id, "1.1_goal_and_vision", bodyQuestions: 0, history: 2, meta: false);
        var cluster = new TestCluster(redis.Url(redis.AllocateDatabase()));
        await using var silo = await cluster.StartSiloAsync(TimeSpan.FromMinutes(2));
        using var client = await ClusterConnection.ConnectAsync(cluster.RedisUrl, cluster.ClusterId, cluster.ServiceId);
        var grains = client.Client();

        // A client's call may not import (the tool marks its calls as the cluster's own work; a client cannot).
        RequestContext.Clear();
        CallerContext.Set("app-a", isAdmin: false);
        var record = (await new LegacyReader(source).ReadAsync(id)).Session!;
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            grains.GetGrain<ISessionImportGrain>(SessionKey.For("app-a", id)).ImportAsync(record));

        var summary = await new Migrator(new LegacyReader(source), grains, "app-a").RunAsync();

        Assert.Equal([id], summary.Imported);
        Assert.Equal(2, (await grains.GetGrain<ISessionGrain>(SessionKey.For("app-a", id)).GetStatusAsync())!.TurnCount);
        CallerContext.Set(SessionKey.LocalClient, isAdmin: false);
        Assert.Null(await grains.GetGrain<ISessionGrain>(id).GetStatusAsync()); // not in the local scope
        await client.StopAsync();
    }

    [Fact]
    public async Task The_command_prints_a_summary_with_reasons_and_exits_2_when_records_failed()
    {
        var redis = RedisServer.Shared;
        var db = redis.AllocateDatabase();
        var source = redis.Admin.GetDatabase(db);
        await WriteSessionAsync(source, "good_one", "1.1_goal_and_vision", 0, 1, false);
        await source.HashSetAsync(LegacyKeys.State("bad_one"), [new("current_stage", "stage_1")]); // no substate
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No });

        var exit = await MigrateCommand.RunAsync(redis.Url(db), dryRun: true, null, "unused", "unused", SessionKey.LocalClient, console, CancellationToken.None);

        Assert.Equal(MigrateCommand.ExitSomeFailed, exit);
        var text = output.ToString();
        Assert.Contains("would import", text, StringComparison.Ordinal);
        Assert.Contains("bad_one: state field current_substate is missing", text, StringComparison.Ordinal);
        Assert.Equal(MigrateCommand.ExitUnreachable,
            await MigrateCommand.RunAsync(redis.Url(db), dryRun: true, null, "unused", "unused", "app~a", console, CancellationToken.None));
    }

    private static async Task WriteSessionAsync(IDatabase db, string id, string substate, int bodyQuestions, int history, bool meta)
    {
        await db.HashSetAsync(LegacyKeys.State(id),
        [
            new("session_id", id),
            new("current_stage", "stage_1"),
            new("current_substate", substate),
            new("body_questions_asked", bodyQuestions),
            new("stage_1_completion", """{"goal_stated": true, "vision_accepted": true, "problem_identified": true, "body_awareness_present": false}"""),
            new("created_at", Now),
            new("last_interaction", Now),
            new("turn_count", history),
            new("status", "active"),
        ]);
        for (var turn = 1; turn <= history; turn++)
        {
            // LPUSH: the newest exchange ends up first, as the old service kept it.
            await db.ListLeftPushAsync(LegacyKeys.History(id),
                $$"""{"turn": {{turn}}, "timestamp": "{{Now}}", "client_input": "client said {{turn}}", "therapist_response": "reply {{turn}}", "navigation_decision": "continue", "rag_query": "dr_q_goal_clarification"}""");
        }

        if (meta)
        {
            await db.HashSetAsync(LegacyKeys.Meta(id), [new("client_id", "external_client_123"), new("platform", "mobile_app"), new("crm", "456789")]);
        }

        await db.SortedSetAddAsync(LegacyKeys.ActiveSessions, id, 1);
    }
}
