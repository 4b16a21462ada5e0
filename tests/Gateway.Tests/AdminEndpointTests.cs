using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TrtOrleans.Grains.Analytics;

namespace TrtOrleans.Gateway.Tests;

/// <summary>The admin endpoints of api.md (authentication off here: the developer default) and the per-client limit.</summary>
public sealed class AdminEndpointTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task DailyAnalyticsCountInputsSessionsAndEvents()
    {
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        await FlushAsync();
        var before = await (await _client.GetAsync($"/api/v1/analytics/daily/{today}")).JsonAsync();
        var id = Http.NewId();
        await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "Hi, work is a lot" });
        await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "I want to die" });

        await FlushAsync();
        var after = await (await _client.GetAsync($"/api/v1/analytics/daily/{today}")).JsonAsync();

        Assert.Equal(today, after.GetProperty("date").GetString());
        Assert.Equal(2, after.GetProperty("total_inputs").GetInt64() - before.GetProperty("total_inputs").GetInt64());
        Assert.Equal(1, after.GetProperty("sessions_created").GetInt64() - before.GetProperty("sessions_created").GetInt64());
        Assert.True(after.GetProperty("events").GetProperty("crisis_turn").GetInt64() >= 1);
        Assert.True(after.GetProperty("events").GetProperty("decision:crisis_response").GetInt64() >= 1);
    }

    [Theory]
    [InlineData(-31)]
    [InlineData(1)]
    public async Task AnalyticsOutsideTheThirtyDayWindowAreNotFound(int days)
    {
        var date = DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd");

        await SessionEndpointTests.AssertProblemAsync(await _client.GetAsync($"/api/v1/analytics/daily/{date}"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task AnalyticsDateMustBeIsoDate()
    {
        await SessionEndpointTests.AssertProblemAsync(await _client.GetAsync("/api/v1/analytics/daily/26-11-2026"), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task SessionListingHasTheDocumentedShape()
    {
        var id = Http.NewId();
        await _client.PostJsonAsync("/api/v1/input", new { session_id = id, user_input = "hello" });

        var listing = await (await _client.GetAsync("/api/v1/sessions?limit=5&active_within_minutes=10")).JsonAsync();

        Assert.True(listing.GetProperty("total_sessions").GetInt32() is >= 1 and <= 5);
        Assert.True(listing.TryGetProperty("timestamp", out _));
        var first = listing.GetProperty("sessions")[0];
        foreach (var field in new[] { "session_id", "current_substate", "last_interaction", "turn_count", "status" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }

        await SessionEndpointTests.AssertProblemAsync(await _client.GetAsync("/api/v1/sessions?limit=1001"), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await SessionEndpointTests.AssertProblemAsync(await _client.GetAsync("/api/v1/sessions?active_within_minutes=0"), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task CleanupReportsHowManySessionsItRemoved()
    {
        var response = await _client.PostAsync("/api/v1/admin/cleanup?inactive_hours=24", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("removed").GetInt32() >= 0);
        await SessionEndpointTests.AssertProblemAsync(await _client.PostAsync("/api/v1/admin/cleanup?inactive_hours=-1", null), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    private Task FlushAsync() => factory.Services.GetRequiredService<AnalyticsRecorder>().FlushAsync();
}

/// <summary>One client cannot flood the cluster: a per-client limit at the gateway.</summary>
public sealed class ClientLimitTests(ClientLimitTests.Factory factory) : IClassFixture<ClientLimitTests.Factory>
{
    public sealed class Factory : GatewayFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Gateway:ClientLimit:PermitsPerMinute", "3");
        }
    }

    [Fact]
    public async Task RequestsOverTheClientLimitAreRefusedWith429()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/session/none_{i}/status")).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/session/none_x/status");

        await SessionEndpointTests.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode); // probes are never limited
    }
}
